package org.custodia.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed classification schemes ({@code seed/methodology/<tenant>/classification-scheme.json}) against the contract
 * the classification engine implements: categories, ordered rules (first match wins, last one {@code true}) and
 * constraints, all CEL over {@code prisoner}, {@code sentence}, {@code offences}, {@code flags}, {@code assessments}
 * (and {@code category}, {@code proposed} for constraints). The environment is declared here as the contract states
 * it, with the limits of {@code Expressions}; once the engine exists, these cases can run through it instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedClassificationSchemesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CATEGORY_CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> FLAGS = Set.of("VEO", "ESCAPE_RISK", "GANG");
    private static final CelOptions LIMITS = CelOptions.current()
            .maxExpressionCodePointSize(2_000)
            .maxParseExpressionNodeCount(400)
            .maxParseRecursionDepth(32)
            .comprehensionMaxIterations(1_000)
            .enableHeterogeneousNumericComparisons(true)
            .build();

    private final Map<String, Scheme> schemes = new HashMap<>();

    record Scheme(JsonNode json, Map<String, JsonNode> categories, List<Rule> rules, List<Rule> constraints) {}

    /** A rule ({@code then} is its category) or a constraint ({@code then} is null). */
    record Rule(String code, String expression, String then, CelRuntime.Program program) {}

    @BeforeAll
    void compileBothSchemes() throws Exception {
        for (String tenant : List.of("kz", "kg")) {
            JsonNode json = read("/seed/methodology/" + tenant + "/classification-scheme.json");
            Map<String, JsonNode> categories = new LinkedHashMap<>();
            json.path("categories").forEach(c -> categories.put(c.path("code").asString(), c));
            List<Rule> rules = new ArrayList<>();
            for (JsonNode rule : json.path("rules")) {
                String when = rule.path("when").asString();
                rules.add(new Rule(
                        rule.path("code").asString(),
                        when,
                        rule.path("category").asString(),
                        compile(when, false)));
                compile(when, true);
            }
            List<Rule> constraints = new ArrayList<>();
            for (JsonNode constraint : json.path("constraints")) {
                String expression = constraint.path("expression").asString();
                constraints.add(
                        new Rule(constraint.path("code").asString(), expression, null, compile(expression, false)));
                compile(expression, true);
            }
            schemes.put(tenant, new Scheme(json, categories, rules, constraints));
        }
    }

    /**
     * The contract's environment: {@code loose} declares every variable as maps and lists of {@code dyn}, the other
     * types offences, flags and assessments precisely; the seeds must compile under both.
     */
    private static CelRuntime.Program compile(String expression, boolean loose) throws Exception {
        CelType dynMap = MapType.create(SimpleType.STRING, SimpleType.DYN);
        CelBuilder builder = CelFactory.standardCelBuilder()
                .setOptions(LIMITS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL)
                .addVar("prisoner", dynMap)
                .addVar("sentence", dynMap)
                .addVar("category", dynMap)
                .addVar("proposed", dynMap);
        if (loose) {
            builder.addVar("offences", ListType.create(SimpleType.DYN))
                    .addVar("flags", ListType.create(SimpleType.DYN))
                    .addVar("assessments", dynMap);
        } else {
            builder.addVar("offences", ListType.create(MapType.create(SimpleType.STRING, SimpleType.STRING)))
                    .addVar("flags", ListType.create(SimpleType.STRING))
                    .addVar("assessments", MapType.create(SimpleType.STRING, dynMap));
        }
        Cel cel = builder.build();
        return cel.createProgram(cel.compile(expression).getAst());
    }

    private static JsonNode read(String path) throws IOException {
        try (InputStream in = SeedClassificationSchemesTest.class.getResourceAsStream(path)) {
            return JSON.readTree(in);
        }
    }

    // ------------------------------------------------------------------------------------------- the facts

    /** The facts about one prisoner, built as the engine will pass them. */
    private static final class Facts {
        final Map<String, Object> prisoner = new HashMap<>(Map.of("age", 30L, "sex", "M"));
        final Map<String, Object> sentence = new HashMap<>(Map.of(
                "lengthMonths", 60L, "remainingMonths", 40L, "life", false, "courtRegime", "", "courtRegimeRank", 0L));
        final List<Map<String, String>> offences = new ArrayList<>();
        final List<String> flags = new ArrayList<>();
        final Map<String, Map<String, Object>> assessments = new HashMap<>();

        Facts age(long age) {
            prisoner.put("age", age);
            return this;
        }

        Facts woman() {
            prisoner.put("sex", "F");
            return this;
        }

        Facts life() {
            sentence.put("life", true);
            return this;
        }

        Facts remaining(long months) {
            sentence.put("remainingMonths", months);
            return this;
        }

        Facts court(Scheme scheme, String category) {
            sentence.put("courtRegime", category);
            sentence.put(
                    "courtRegimeRank",
                    scheme.categories().get(category).path("severityRank").asLong());
            return this;
        }

        Facts offence(String code, String gravity) {
            offences.add(Map.of("code", code, "gravity", gravity));
            return this;
        }

        Facts flag(String flag) {
            flags.add(flag);
            return this;
        }

        Facts assessed(String instrument, String overall, Map<String, String> levels) {
            assessments.put(instrument, Map.of("overall", overall, "levels", levels, "scales", Map.of()));
            return this;
        }

        Map<String, Object> variables() {
            return Map.of(
                    "prisoner", prisoner,
                    "sentence", sentence,
                    "offences", offences,
                    "flags", flags,
                    "assessments", assessments);
        }
    }

    private Facts facts() {
        return new Facts();
    }

    /** The first rule that matches, as {@code rule code -> category code}. */
    private String propose(String tenant, Facts facts) throws Exception {
        for (Rule rule : schemes.get(tenant).rules()) {
            if (Boolean.TRUE.equals(rule.program().eval(facts.variables()))) {
                return rule.code() + " -> " + rule.then();
            }
        }
        throw new AssertionError("no rule matched; the last rule must be a catch-all");
    }

    /** The constraints that a decision for {@code category} would break, given the rules proposed {@code proposed}. */
    private List<String> broken(String tenant, Facts facts, String category, String proposed) throws Exception {
        Scheme scheme = schemes.get(tenant);
        Map<String, Object> variables = new HashMap<>(facts.variables());
        variables.put("category", summary(scheme, category));
        variables.put("proposed", summary(scheme, proposed));
        List<String> broken = new ArrayList<>();
        for (Rule constraint : scheme.constraints()) {
            if (!Boolean.TRUE.equals(constraint.program().eval(variables))) {
                broken.add(constraint.code());
            }
        }
        return broken;
    }

    private static Map<String, Object> summary(Scheme scheme, String code) {
        JsonNode category = scheme.categories().get(code);
        return Map.of(
                "code",
                code,
                "severityRank",
                category.path("severityRank").asLong(),
                "courtOrdered",
                category.path("courtOrdered").asBoolean());
    }

    /** Proposes, checks that the proposal itself breaks no constraint, and returns it. */
    private String proposeLawfully(String tenant, Facts facts) throws Exception {
        String proposal = propose(tenant, facts);
        String category = proposal.substring(proposal.indexOf("-> ") + 3);
        assertThat(broken(tenant, facts, category, category))
                .as("constraints broken by the proposal " + proposal)
                .isEmpty();
        return proposal;
    }

    // ------------------------------------------------------------------------------------------- structure

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kz", "kg"})
    void categoriesRulesAndConstraintsFollowTheContract(String tenant) {
        Scheme scheme = schemes.get(tenant);
        assertThat(scheme.json().properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("categories", "rules", "constraints");
        Set<Long> ranks = new HashSet<>();
        scheme.categories().forEach((code, category) -> {
            assertThat(code).matches(CATEGORY_CODE);
            assertThat(category.path("severityRank").isInt()).isTrue();
            assertThat(ranks.add(category.path("severityRank").asLong()))
                    .as("severity rank of " + code + " is unique")
                    .isTrue();
            assertThat(category.path("legalBasis").asString()).isNotBlank();
            assertThat(category.path("reviewIntervalMonths").asInt()).isPositive();
            assertThat(category.path("courtOrdered").isBoolean()).isTrue();
        });
        assertThat(scheme.categories()).hasSize(scheme.json().path("categories").size());
        assertThat(scheme.rules())
                .extracting(Rule::code)
                .doesNotHaveDuplicates()
                .allMatch(c -> c.matches("r_[a-z0-9_]+"));
        assertThat(scheme.rules()).extracting(Rule::then).allMatch(scheme.categories()::containsKey);
        assertThat(scheme.rules().get(scheme.rules().size() - 1).expression()).isEqualTo("true");
        assertThat(scheme.constraints())
                .extracting(Rule::code)
                .doesNotHaveDuplicates()
                .allMatch(c -> c.matches("c_[a-z0-9_]+"))
                .contains("c_not_below_court_regime");
    }

    /**
     * String literals in expressions name things that must exist: upper case ones are risk levels, flags, offence
     * gravity classes or a sex; lower case ones are categories or a custody rating scale; {@code assessments.x} names
     * a seeded instrument.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kz", "kg"})
    void expressionsOnlyNameThingsThatExist(String tenant) throws Exception {
        Scheme scheme = schemes.get(tenant);
        Set<String> upper = new HashSet<>(FLAGS);
        upper.addAll(List.of("M", "F"));
        read("/seed/methodology/" + tenant + "/risk-levels.json")
                .forEach(level -> upper.add(level.path("code").asString()));
        read("/seed/methodology/" + tenant + "/offences.json")
                .path("gravityClasses")
                .forEach(c -> upper.add(c.path("code").asString()));
        Set<String> lower = new HashSet<>(scheme.categories().keySet());
        read("/seed/methodology/" + tenant + "/custody-rating.json")
                .path("definition")
                .path("scales")
                .forEach(s -> lower.add(s.path("code").asString()));
        Set<String> instruments = new HashSet<>();
        for (String file : List.of("custody-rating.json", "needs-inventory.json", "ve-guide.json")) {
            instruments.add(read("/seed/methodology/" + tenant + "/" + file)
                    .path("instrument")
                    .path("code")
                    .asString());
        }
        List<Rule> all = new ArrayList<>(scheme.rules());
        all.addAll(scheme.constraints());
        for (Rule rule : all) {
            Matcher literal = Pattern.compile("'([^']*)'").matcher(rule.expression());
            while (literal.find()) {
                String value = literal.group(1);
                assertThat(value.isEmpty() || upper.contains(value) || lower.contains(value))
                        .as(rule.code() + " names '" + value + "'")
                        .isTrue();
            }
            Matcher assessment = Pattern.compile("assessments\\.([a-z0-9_]+)").matcher(rule.expression());
            while (assessment.find()) {
                assertThat(instruments).as(rule.code()).contains(assessment.group(1));
            }
        }
    }

    // ------------------------------------------------------------------------------------------- Kazakhstan

    @Test
    void kazakhstanProposesByCourtRegimeSentenceAndRisk() throws Exception {
        Scheme kz = schemes.get("kz");
        Map<String, String> low = Map.of("security_risk", "LOW", "institutional_adjustment", "LOW");
        assertThat(proposeLawfully("kz", facts().life())).isEqualTo("r_life_sentence -> extraordinary_security");
        assertThat(proposeLawfully("kz", facts().court(kz, "prison"))).isEqualTo("r_court_prison -> prison");
        assertThat(proposeLawfully("kz", facts().age(16).court(kz, "medium_security")))
                .isEqualTo("r_juvenile -> medium_security");
        // a violent extremist offender is placed by assessed risk, not by the label alone
        Facts veoMedium = facts().flag("VEO").court(kz, "medium_security");
        assertThat(proposeLawfully("kz", veoMedium)).isEqualTo("r_veo_not_assessed -> medium_security");
        assertThat(proposeLawfully("kz", veoMedium.assessed("ve_guide", "MEDIUM", Map.of())))
                .isEqualTo("r_court_medium -> medium_security");
        assertThat(proposeLawfully(
                        "kz", facts().flag("VEO").court(kz, "medium_security").assessed("ve_guide", "HIGH", Map.of())))
                .isEqualTo("r_ve_high_risk -> maximum_security");
        assertThat(proposeLawfully(
                        "kz",
                        facts().woman()
                                .flag("VEO")
                                .court(kz, "medium_security")
                                .assessed("ve_guide", "VERY_HIGH", Map.of())))
                .isEqualTo("r_women_elevated_risk -> medium_security");
        // escape risk matters with more than a year to serve, or a very high security risk subscale
        assertThat(proposeLawfully(
                        "kz", facts().flag("ESCAPE_RISK").remaining(6).court(kz, "minimum_security")))
                .isEqualTo("r_court_minimum -> minimum_security");
        assertThat(proposeLawfully(
                        "kz", facts().flag("ESCAPE_RISK").remaining(30).court(kz, "minimum_security")))
                .isEqualTo("r_escape_risk -> maximum_security");
        assertThat(proposeLawfully(
                        "kz",
                        facts().court(kz, "minimum_security")
                                .assessed(
                                        "custody_rating",
                                        "MEDIUM",
                                        Map.of("security_risk", "VERY_HIGH", "institutional_adjustment", "LOW"))))
                .isEqualTo("r_escape_risk -> maximum_security");
        assertThat(proposeLawfully("kz", facts().court(kz, "minimum_security").assessed("custody_rating", "LOW", low)))
                .isEqualTo("r_court_minimum -> minimum_security");
        assertThat(proposeLawfully("kz", facts().flag("GANG").court(kz, "colony_settlement")))
                .isEqualTo("r_elevated_custody_rating -> medium_security");
        assertThat(proposeLawfully("kz", facts().court(kz, "colony_settlement")))
                .isEqualTo("r_court_colony_settlement -> colony_settlement");
        assertThat(proposeLawfully("kz", facts().offence("TERRORISM_PROPAGANDA", "GRAVE")))
                .isEqualTo("r_grave_offence -> medium_security");
        assertThat(proposeLawfully("kz", facts().offence("THEFT", "MEDIUM")))
                .isEqualTo("r_default -> minimum_security");
    }

    @Test
    void kazakhstanConstraintsRefuseUnlawfulOverrides() throws Exception {
        Scheme kz = schemes.get("kz");
        Facts veo = facts().flag("VEO").court(kz, "medium_security").assessed("ve_guide", "HIGH", Map.of());
        assertThat(broken("kz", veo, "medium_security", "maximum_security")).isEmpty();
        assertThat(broken("kz", veo, "minimum_security", "maximum_security"))
                .containsExactly("c_not_below_court_regime", "c_court_decides_type");
        assertThat(broken("kz", facts().life(), "maximum_security", "extraordinary_security"))
                .containsExactly("c_life_sentence");
        assertThat(broken("kz", facts().age(16).court(kz, "medium_security"), "minimum_security", "medium_security"))
                .containsExactly("c_not_below_court_regime", "c_juveniles", "c_court_decides_type");
        assertThat(broken("kz", facts().woman().court(kz, "medium_security"), "maximum_security", "medium_security"))
                .containsExactly("c_women", "c_court_decides_type");
        assertThat(broken("kz", facts().court(kz, "minimum_security"), "colony_settlement", "minimum_security"))
                .containsExactly("c_not_below_court_regime", "c_court_decides_type");
        // without a court-ordered type, an override may go anywhere the other constraints allow
        assertThat(broken("kz", facts(), "maximum_security", "minimum_security"))
                .isEmpty();
    }

    // ------------------------------------------------------------------------------------------- Kyrgyzstan

    @Test
    void kyrgyzstanProposesByCourtRegimeSentenceAndRisk() throws Exception {
        Scheme kg = schemes.get("kg");
        assertThat(proposeLawfully("kg", facts().life())).isEqualTo("r_life_sentence -> special_regime");
        assertThat(proposeLawfully("kg", facts().age(16))).isEqualTo("r_juvenile -> educational_colony");
        assertThat(proposeLawfully(
                        "kg",
                        facts().flag("VEO").court(kg, "general_regime").assessed("ve_guide", "VERY_HIGH", Map.of())))
                .isEqualTo("r_ve_very_high -> prison");
        assertThat(proposeLawfully(
                        "kg", facts().flag("VEO").court(kg, "strict_regime").assessed("ve_guide", "HIGH", Map.of())))
                .isEqualTo("r_ve_high -> strict_regime");
        assertThat(proposeLawfully(
                        "kg",
                        facts().flag("VEO").court(kg, "general_regime").assessed("ve_guide", "MODERATE", Map.of())))
                .isEqualTo("r_court_general -> general_regime");
        assertThat(proposeLawfully(
                        "kg",
                        facts().flag("VEO").court(kg, "special_regime").assessed("ve_guide", "VERY_HIGH", Map.of())))
                .isEqualTo("r_court_special -> special_regime");
        assertThat(proposeLawfully(
                        "kg",
                        facts().woman().flag("VEO").court(kg, "general_regime").assessed("ve_guide", "HIGH", Map.of())))
                .isEqualTo("r_women_elevated_risk -> general_regime");
        assertThat(proposeLawfully("kg", facts().offence("TERRORIST_ACT", "ESPECIALLY_GRAVE")))
                .isEqualTo("r_especially_grave -> strict_regime");
        assertThat(proposeLawfully("kg", facts().woman().offence("TERRORIST_ACT", "ESPECIALLY_GRAVE")))
                .isEqualTo("r_default -> general_regime");
        assertThat(proposeLawfully("kg", facts().court(kg, "colony_settlement")))
                .isEqualTo("r_court_colony_settlement -> colony_settlement");
    }

    @Test
    void kyrgyzstanConstraintsRefuseUnlawfulOverrides() throws Exception {
        Scheme kg = schemes.get("kg");
        Facts veo = facts().flag("VEO").court(kg, "general_regime").assessed("ve_guide", "VERY_HIGH", Map.of());
        assertThat(broken("kg", veo, "general_regime", "prison")).isEmpty();
        assertThat(broken("kg", veo, "strict_regime", "prison")).containsExactly("c_court_decides_type");
        assertThat(broken("kg", facts().court(kg, "strict_regime"), "general_regime", "strict_regime"))
                .containsExactly("c_not_below_court_regime", "c_court_decides_type");
        assertThat(broken("kg", facts().woman(), "strict_regime", "general_regime"))
                .containsExactly("c_women");
        assertThat(broken("kg", facts().age(17), "general_regime", "educational_colony"))
                .containsExactly("c_juveniles");
        assertThat(broken("kg", facts().life(), "strict_regime", "special_regime"))
                .containsExactly("c_life_sentence");
    }
}
