package org.custodia.methodology.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.methodology.scheme.ClassificationFacts.AssessmentResults;
import org.custodia.methodology.scheme.ClassificationFacts.Offence;
import org.custodia.methodology.scheme.ClassificationFacts.Prisoner;
import org.custodia.methodology.scheme.ClassificationFacts.Sentence;
import org.junit.jupiter.api.Test;

/**
 * The seeded schemes of both countries, read by hand: which rule proposes which category for a prisoner, and which
 * legal constraints an override breaks, through the real {@link RuleEngine}.
 */
class SeedSchemeProposalsTest {

    private static final CompiledScheme KZ = SeedSchemes.compiled("kz", "kk");
    private static final CompiledScheme KG = SeedSchemes.compiled("kg", "ky");
    private static final RuleEngine ENGINE = new RuleEngine();

    /** A man of 30 serving 60 months, 40 to go, no court-ordered regime, offences, flags or assessments. */
    private static final class Facts {
        private int age = 30;
        private String sex = "M";
        private int remaining = 40;
        private boolean life;
        private String courtRegime;
        private final List<Offence> offences = new ArrayList<>();
        private final List<String> flags = new ArrayList<>();
        private final Map<String, AssessmentResults> assessments = new HashMap<>();

        Facts age(int age) {
            this.age = age;
            return this;
        }

        Facts woman() {
            sex = "F";
            return this;
        }

        Facts life() {
            life = true;
            return this;
        }

        Facts remaining(int months) {
            remaining = months;
            return this;
        }

        Facts court(String category) {
            courtRegime = category;
            return this;
        }

        Facts offence(String code, String gravity) {
            offences.add(new Offence(code, gravity));
            return this;
        }

        Facts flag(String flag) {
            flags.add(flag);
            return this;
        }

        Facts assessed(String instrument, String overall, Map<String, String> levels) {
            assessments.put(instrument, new AssessmentResults(overall, levels, Map.of()));
            return this;
        }

        ClassificationFacts build() {
            return new ClassificationFacts(
                    new Prisoner(age, sex),
                    new Sentence(60, remaining, life, courtRegime),
                    offences,
                    flags,
                    assessments);
        }
    }

    private static Facts facts() {
        return new Facts();
    }

    /** The first rule that matches, as {@code rule code -> category code}. */
    private static String propose(CompiledScheme scheme, Facts facts) {
        RuleEngine.Proposal proposal = ENGINE.propose(scheme, facts.build());
        assertThat(proposal.category()).as("the last rule catches every case").isNotNull();
        assertThat(proposal.trace()).allMatch(outcome -> outcome.error() == null);
        return proposal.trace().get(proposal.trace().size() - 1).rule() + " -> " + proposal.category();
    }

    /** The constraints a decision for {@code category} breaks, given the rules proposed {@code proposed}. */
    private static List<String> broken(CompiledScheme scheme, Facts facts, String category, String proposed) {
        List<RuleEngine.Violation> violations = ENGINE.violations(scheme, facts.build(), category, proposed);
        assertThat(violations).allMatch(violation -> violation.error() == null);
        return violations.stream().map(RuleEngine.Violation::constraint).toList();
    }

    /** Proposes, checks that the proposal itself breaks no constraint, and returns it. */
    private static String proposeLawfully(CompiledScheme scheme, Facts facts) {
        String proposal = propose(scheme, facts);
        String category = proposal.substring(proposal.indexOf("-> ") + 3);
        assertThat(broken(scheme, facts, category, category))
                .as("constraints broken by the proposal " + proposal)
                .isEmpty();
        return proposal;
    }

    @Test
    void kazakhstanProposesByCourtRegimeSentenceAndRisk() {
        Map<String, String> low = Map.of("security_risk", "LOW", "institutional_adjustment", "LOW");
        assertThat(proposeLawfully(KZ, facts().life())).isEqualTo("r_life_sentence -> extraordinary_security");
        assertThat(proposeLawfully(KZ, facts().court("prison"))).isEqualTo("r_court_prison -> prison");
        assertThat(proposeLawfully(KZ, facts().age(16).court("medium_security")))
                .isEqualTo("r_juvenile -> medium_security");
        // a violent extremist offender is placed by assessed risk, not by the label alone
        assertThat(proposeLawfully(KZ, facts().flag("VEO").court("medium_security")))
                .isEqualTo("r_veo_not_assessed -> medium_security");
        assertThat(proposeLawfully(
                        KZ, facts().flag("VEO").court("medium_security").assessed("ve_guide", "MEDIUM", Map.of())))
                .isEqualTo("r_court_medium -> medium_security");
        assertThat(proposeLawfully(
                        KZ, facts().flag("VEO").court("medium_security").assessed("ve_guide", "HIGH", Map.of())))
                .isEqualTo("r_ve_high_risk -> maximum_security");
        assertThat(proposeLawfully(
                        KZ,
                        facts().woman()
                                .flag("VEO")
                                .court("medium_security")
                                .assessed("ve_guide", "VERY_HIGH", Map.of())))
                .isEqualTo("r_women_elevated_risk -> medium_security");
        // escape risk matters with more than a year to serve, or a very high security risk subscale
        assertThat(proposeLawfully(KZ, facts().flag("ESCAPE_RISK").remaining(6).court("minimum_security")))
                .isEqualTo("r_court_minimum -> minimum_security");
        assertThat(proposeLawfully(KZ, facts().flag("ESCAPE_RISK").remaining(30).court("minimum_security")))
                .isEqualTo("r_escape_risk -> maximum_security");
        assertThat(proposeLawfully(
                        KZ,
                        facts().court("minimum_security")
                                .assessed(
                                        "custody_rating",
                                        "MEDIUM",
                                        Map.of("security_risk", "VERY_HIGH", "institutional_adjustment", "LOW"))))
                .isEqualTo("r_escape_risk -> maximum_security");
        assertThat(proposeLawfully(KZ, facts().court("minimum_security").assessed("custody_rating", "LOW", low)))
                .isEqualTo("r_court_minimum -> minimum_security");
        assertThat(proposeLawfully(KZ, facts().flag("GANG").court("colony_settlement")))
                .isEqualTo("r_elevated_custody_rating -> medium_security");
        assertThat(proposeLawfully(KZ, facts().court("colony_settlement")))
                .isEqualTo("r_court_colony_settlement -> colony_settlement");
        assertThat(proposeLawfully(KZ, facts().offence("TERRORISM_PROPAGANDA", "GRAVE")))
                .isEqualTo("r_grave_offence -> medium_security");
        assertThat(proposeLawfully(KZ, facts().offence("THEFT", "MEDIUM"))).isEqualTo("r_default -> minimum_security");
    }

    @Test
    void kazakhstanConstraintsRefuseUnlawfulOverrides() {
        Facts veo = facts().flag("VEO").court("medium_security").assessed("ve_guide", "HIGH", Map.of());
        assertThat(broken(KZ, veo, "medium_security", "maximum_security")).isEmpty();
        assertThat(broken(KZ, veo, "minimum_security", "maximum_security"))
                .containsExactly("c_not_below_court_regime", "c_court_decides_type");
        assertThat(broken(KZ, facts().life(), "maximum_security", "extraordinary_security"))
                .containsExactly("c_life_sentence");
        assertThat(broken(KZ, facts().age(16).court("medium_security"), "minimum_security", "medium_security"))
                .containsExactly("c_not_below_court_regime", "c_juveniles", "c_court_decides_type");
        assertThat(broken(KZ, facts().woman().court("medium_security"), "maximum_security", "medium_security"))
                .containsExactly("c_women", "c_court_decides_type");
        assertThat(broken(KZ, facts().court("minimum_security"), "colony_settlement", "minimum_security"))
                .containsExactly("c_not_below_court_regime", "c_court_decides_type");
        // without a court-ordered type, an override may go anywhere the other constraints allow
        assertThat(broken(KZ, facts(), "maximum_security", "minimum_security")).isEmpty();
    }

    @Test
    void kyrgyzstanProposesByCourtRegimeSentenceAndRisk() {
        assertThat(proposeLawfully(KG, facts().life())).isEqualTo("r_life_sentence -> special_regime");
        assertThat(proposeLawfully(KG, facts().age(16))).isEqualTo("r_juvenile -> educational_colony");
        assertThat(proposeLawfully(
                        KG, facts().flag("VEO").court("general_regime").assessed("ve_guide", "VERY_HIGH", Map.of())))
                .isEqualTo("r_ve_very_high -> prison");
        assertThat(proposeLawfully(
                        KG, facts().flag("VEO").court("strict_regime").assessed("ve_guide", "HIGH", Map.of())))
                .isEqualTo("r_ve_high -> strict_regime");
        assertThat(proposeLawfully(
                        KG, facts().flag("VEO").court("general_regime").assessed("ve_guide", "MODERATE", Map.of())))
                .isEqualTo("r_court_general -> general_regime");
        assertThat(proposeLawfully(
                        KG, facts().flag("VEO").court("special_regime").assessed("ve_guide", "VERY_HIGH", Map.of())))
                .isEqualTo("r_court_special -> special_regime");
        assertThat(proposeLawfully(
                        KG, facts().woman().flag("VEO").court("general_regime").assessed("ve_guide", "HIGH", Map.of())))
                .isEqualTo("r_women_elevated_risk -> general_regime");
        assertThat(proposeLawfully(KG, facts().offence("TERRORIST_ACT", "ESPECIALLY_GRAVE")))
                .isEqualTo("r_especially_grave -> strict_regime");
        assertThat(proposeLawfully(KG, facts().woman().offence("TERRORIST_ACT", "ESPECIALLY_GRAVE")))
                .isEqualTo("r_default -> general_regime");
        assertThat(proposeLawfully(KG, facts().court("colony_settlement")))
                .isEqualTo("r_court_colony_settlement -> colony_settlement");
    }

    @Test
    void kyrgyzstanConstraintsRefuseUnlawfulOverrides() {
        Facts veo = facts().flag("VEO").court("general_regime").assessed("ve_guide", "VERY_HIGH", Map.of());
        assertThat(broken(KG, veo, "general_regime", "prison")).isEmpty();
        assertThat(broken(KG, veo, "strict_regime", "prison")).containsExactly("c_court_decides_type");
        assertThat(broken(KG, facts().court("strict_regime"), "general_regime", "strict_regime"))
                .containsExactly("c_not_below_court_regime", "c_court_decides_type");
        assertThat(broken(KG, facts().woman(), "strict_regime", "general_regime"))
                .containsExactly("c_women");
        assertThat(broken(KG, facts().age(17), "general_regime", "educational_colony"))
                .containsExactly("c_juveniles");
        assertThat(broken(KG, facts().life(), "strict_regime", "special_regime"))
                .containsExactly("c_life_sentence");
    }
}
