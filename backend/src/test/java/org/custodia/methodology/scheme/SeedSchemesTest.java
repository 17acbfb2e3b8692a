package org.custodia.methodology.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
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
