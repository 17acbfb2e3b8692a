package org.custodia.methodology.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.methodology.expression.CompiledExpression;
import org.custodia.methodology.expression.ExpressionEnvironment;
import org.custodia.methodology.expression.Expressions;
import org.custodia.methodology.scheme.ClassificationFacts.AssessmentResults;
import org.custodia.methodology.scheme.ClassificationFacts.Offence;
import org.custodia.methodology.scheme.ClassificationFacts.Prisoner;
import org.custodia.methodology.scheme.ClassificationFacts.Sentence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo tenants' seeded schemes and programme catalogues are valid and behave as their rules read. */
class SeedSchemesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Expressions EXPRESSIONS = new Expressions();

    @ParameterizedTest
    @CsvSource({"kz, kk", "kg, ky"})
    void theSchemeIsValidInTheCountrysLanguage(String realm, String language) {
        CompiledScheme scheme = SeedSchemes.compiled(realm, language);
        assertThat(scheme.definition().categories()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(scheme.definition()
                        .rules()
                        .get(scheme.definition().rules().size() - 1)
                        .when())
                .as("the last rule catches every case")
                .isEqualTo("true");
    }

    /**
     * What the validator leaves to the author, as the seeds keep it: the document holds exactly categories, rules and
     * constraints; rule codes start with {@code r_}, constraint codes with {@code c_}; the court-regime floor exists.
     */
    @ParameterizedTest
    @CsvSource({"kz, kk", "kg, ky"})
    void theSeedsKeepTheirNamingConventions(String realm, String language) {
        JsonNode document = SeedSchemes.tree(realm, "classification-scheme.json");
        assertThat(document.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("categories", "rules", "constraints");
        // written out, not left to the defaults a missing value would get
        assertThat(document.path("categories")).allSatisfy(category -> {
            assertThat(category.path("severityRank").isInt()).isTrue();
            assertThat(category.path("courtOrdered").isBoolean()).isTrue();
        });
        SchemeDefinition scheme = SeedSchemes.compiled(realm, language).definition();
        assertThat(scheme.categories()).allSatisfy(category -> {
            assertThat(category.legalBasis()).isNotBlank();
            assertThat(category.reviewIntervalMonths()).isPositive();
        });
        assertThat(scheme.rules()).extracting(SchemeDefinition.Rule::code).allMatch(c -> c.matches("r_[a-z0-9_]+"));
        assertThat(scheme.constraints())
                .extracting(SchemeDefinition.Constraint::code)
                .allMatch(c -> c.matches("c_[a-z0-9_]+"))
                .contains("c_not_below_court_regime");
    }

    /**
     * String literals in rules and constraints name things that exist: risk levels, flags, offence gravity classes, a
     * sex, categories or a custody rating scale; {@code assessments.x} names a seeded instrument. Read from the
     * compiled expressions, as the engine sees them.
     */
    @ParameterizedTest
    @CsvSource({"kz, kk", "kg, ky"})
    void rulesAndConstraintsOnlyNameThingsThatExist(String realm, String language) {
        CompiledScheme scheme = SeedSchemes.compiled(realm, language);
        Set<String> known = new HashSet<>(Set.of("", "VEO", "ESCAPE_RISK", "GANG", "M", "F"));
        known.addAll(scheme.categories().keySet());
        SeedSchemes.tree(realm, "risk-levels.json")
                .forEach(l -> known.add(l.path("code").asString()));
        SeedSchemes.tree(realm, "offences.json")
                .path("gravityClasses")
                .forEach(c -> known.add(c.path("code").asString()));
        SeedSchemes.tree(realm, "custody-rating.json")
                .path("definition")
                .path("scales")
                .forEach(s -> known.add(s.path("code").asString()));
        Set<String> instruments = new HashSet<>();
        for (String file : List.of("custody-rating.json", "needs-inventory.json", "ve-guide.json")) {
            instruments.add(SeedSchemes.tree(realm, file)
                    .path("instrument")
                    .path("code")
                    .asString());
        }
        List<CompiledExpression> all = new ArrayList<>(scheme.rules());
        all.addAll(scheme.constraints());
        assertThat(all).allSatisfy(expression -> {
            assertThat(expression.literals())
                    .extracting(CompiledExpression.Literal::value)
                    .as(expression.source())
                    .allMatch(known::contains);
            assertThat(instruments).as(expression.source()).containsAll(expression.keysOf("assessments"));
        });
        assertThat(all).anySatisfy(e -> assertThat(e.keysOf("assessments")).isNotEmpty());
    }

    @ParameterizedTest
    @CsvSource({"kz, kk", "kg, ky"})
    void aLifeSentenceProposesAMoreRestrictiveCategoryThanAShortFirstSentence(String realm, String language) {
        CompiledScheme scheme = SeedSchemes.compiled(realm, language);
        RuleEngine engine = new RuleEngine();
        ClassificationFacts life = new ClassificationFacts(
                new Prisoner(40, "M"),
                new Sentence(0, 0, true, null),
                List.of(new Offence("x", "ESPECIALLY_GRAVE")),
                List.of("VEO"),
                Map.of("ve_guide", new AssessmentResults("VERY_HIGH", Map.of(), Map.of())));
        ClassificationFacts shortSentence = new ClassificationFacts(
                new Prisoner(30, "M"), new Sentence(10, 4, false, null), List.of(), List.of(), Map.of());
        int lifeRank =
                scheme.categories().get(engine.propose(scheme, life).category()).severityRank();
        int shortRank = scheme.categories()
                .get(engine.propose(scheme, shortSentence).category())
                .severityRank();
        assertThat(lifeRank).isGreaterThan(shortRank);
        assertThat(engine.propose(scheme, shortSentence).trace()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"kz", "kg"})
    void everyProgrammeEligibilityCompiles(String realm) throws Exception {
        try (InputStream in = SeedSchemes.seed(realm, "programmes.json")) {
            JsonNode programmes = JSON.readTree(in).get("programmes");
            assertThat(programmes.size()).isPositive();
            for (JsonNode programme : programmes) {
                if (programme.hasNonNull("eligibility")) {
                    EXPRESSIONS.compile(
                            ExpressionEnvironment.PROGRAMME_ELIGIBILITY,
                            programme.get("eligibility").asString());
                }
            }
        }
    }
}
