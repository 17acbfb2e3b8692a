package org.custodia.methodology.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.custodia.methodology.expression.Expressions;
import org.custodia.methodology.scheme.ClassificationFacts.AssessmentResults;
import org.custodia.methodology.scheme.ClassificationFacts.Offence;
import org.custodia.methodology.scheme.ClassificationFacts.Prisoner;
import org.custodia.methodology.scheme.ClassificationFacts.Sentence;
import org.custodia.shared.error.FieldError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RuleEngineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemeValidator VALIDATOR = new SchemeValidator(new Expressions());
    private static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH", "VERY_HIGH");

    private final CompiledScheme scheme = compiled();
    private final RuleEngine engine = new RuleEngine();

    private static SchemeDefinition definition() {
        try (InputStream in = RuleEngineTest.class.getResourceAsStream("/methodology/scheme.json")) {
            return JSON.readValue(in, SchemeDefinition.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompiledScheme compiled() {
        SchemeValidator.Result result = VALIDATOR.validate(definition(), LEVELS, "en");
        assertThat(result.errors()).isEmpty();
        return result.compiled();
    }

    private static ClassificationFacts facts(
            int remaining, String courtRegime, List<Offence> offences, List<String> flags, String veOverall) {
        return new ClassificationFacts(
                new Prisoner(34, "M"),
                new Sentence(60, remaining, false, courtRegime),
                offences,
                flags,
                veOverall == null
                        ? Map.of()
                        : Map.of("ve", new AssessmentResults(veOverall, Map.of(), Map.of("intent", 14.0))));
    }

    @Test
    void theFirstMatchingRuleProposesAndEveryRuleTriedIsTraced() {
        RuleEngine.Proposal proposal = engine.propose(
                scheme, facts(40, "medium", List.of(new Offence("a255", "ESPECIALLY_GRAVE")), List.of(), null));
        assertThat(proposal.category()).isEqualTo("maximum");
        assertThat(proposal.trace())
                .extracting(RuleEngine.RuleOutcome::rule, RuleEngine.RuleOutcome::matched)
                .containsExactly(tuple("life", false), tuple("veo_high", false), tuple("grave", true));
    }

    @Test
    void readsTheLatestApprovedAssessments() {
        assertThat(engine.propose(scheme, facts(40, null, List.of(), List.of("VEO"), "HIGH"))
                        .category())
                .isEqualTo("maximum");
        assertThat(engine.propose(scheme, facts(40, null, List.of(), List.of("VEO"), "LOW"))
                        .category())
                .isEqualTo("medium");
        assertThat(engine.propose(scheme, facts(6, null, List.of(), List.of("VEO"), null))
                        .category())
                .isEqualTo("settlement");
    }

    @Test
    void constraintsRefuseADecisionBelowTheCourtRegimeOrTooFarAboveTheProposal() {
        ClassificationFacts facts = facts(40, "medium", List.of(), List.of(), null);
        assertThat(engine.violations(scheme, facts, "settlement", "medium"))
                .extracting(RuleEngine.Violation::constraint)
                .containsExactly("court_regime");
        assertThat(engine.violations(scheme, facts, "closed", "medium"))
                .extracting(RuleEngine.Violation::constraint)
                .containsExactly("one_step");
        assertThat(engine.violations(scheme, facts, "maximum", "medium")).isEmpty();
    }

    @Test
    void refusesLiteralsComparedWithAnAssessedLevelThatAreNotRiskLevels() {
        SchemeDefinition misspelt = new SchemeDefinition(
                definition().categories(),
                List.of(
                        rule("listed", "assessments.ve.overall in ['HIGH', 'VERY_HIHG']"),
                        rule("equal", "prisoner.sex == 'M' &&\n 'MODERATE' == assessments['ve'].overall"),
                        rule(
                                "subscale",
                                "assessments.ve.levels.intent != 'SEVERE' || assessments.ve.levels['x'] == 'EXTREME'"),
                        rule("default", "true")),
                List.of(new SchemeDefinition.Constraint(
                        "c",
                        "category.code == 'maximum' || !(assessments.ve.overall in ['HIGHEST'])",
                        Map.of("en", "x"))));
        List<FieldError> errors = VALIDATOR.validate(misspelt, LEVELS, "en").errors();
        assertThat(errors)
                .extracting(FieldError::field, FieldError::message, FieldError::line, FieldError::column)
                .containsExactly(
                        tuple("definition.rules[0].when", notALevel("VERY_HIHG"), 1, 36),
                        tuple("definition.rules[1].when", notALevel("MODERATE"), 2, 2),
                        tuple("definition.rules[2].when", notALevel("SEVERE"), 1, 33),
                        tuple("definition.rules[2].when", notALevel("EXTREME"), 1, 75),
                        tuple("definition.constraints[0].expression", notALevel("HIGHEST"), 1, 60));
        // published versions were checked when published, against the levels of that day
        assertThat(VALIDATOR.validatePublished(misspelt, "en").errors()).isEmpty();
    }

    @Test
    void literalsComparedWithAnythingElseAreNotRiskLevels() {
        SchemeDefinition other = new SchemeDefinition(
                definition().categories(),
                List.of(
                        rule("sex", "prisoner.sex == 'F' && sentence.courtRegime in ['medium', 'HIGHEST']"),
                        rule("flags", "'HIGH_PROFILE' in flags && offences.exists(o, o.gravity in ['GRAVE'])"),
                        rule("scale", "'intent' in assessments.ve.levels && assessments.ve.overall != ''"),
                        rule("default", "true")),
                List.of());
        // '' is what an assessment without an overall rating reads as
        assertThat(VALIDATOR.validate(other, LEVELS, "en").errors()).isEmpty();
    }

    private static String notALevel(String value) {
        return "'" + value + "' is not one of this country's risk levels [HIGH, LOW, MEDIUM, VERY_HIGH]";
    }

    private static SchemeDefinition.Rule rule(String code, String when) {
        return new SchemeDefinition.Rule(code, when, "medium", Map.of("en", code));
    }

    @Test
    void namesWrongRulesWithTheirPosition() {
        SchemeDefinition broken = new SchemeDefinition(
                definition().categories(),
                List.of(new SchemeDefinition.Rule("r", "prisoner.age > ", "nowhere", Map.of("en", "x"))),
                List.of(new SchemeDefinition.Constraint("c", "'not a condition'", Map.of("en", "x"))));
        List<FieldError> errors = VALIDATOR.validate(broken, LEVELS, "en").errors();
        assertThat(errors)
                .extracting(FieldError::field)
                .contains(
                        "definition.rules[0].category",
                        "definition.rules[0].when",
                        "definition.constraints[0].expression");
        assertThat(errors.stream().filter(e -> e.field().equals("definition.rules[0].when")))
                .allSatisfy(e -> assertThat(e.line()).isEqualTo(1));
    }
}
