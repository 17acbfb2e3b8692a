package org.custodia.methodology.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.custodia.shared.error.FieldError;
import org.junit.jupiter.api.Test;

class ScorerEdgeCasesTest {

    private static CompiledInstrument compile(String json) {
        DefinitionValidator.Result result = InstrumentFixtures.VALIDATOR.validate(
                InstrumentFixtures.JSON.readValue(json, InstrumentDefinition.class), InstrumentFixtures.LEVELS, "en");
        assertThat(result.errors()).isEmpty();
        return result.compiled();
    }

    private static final String CHAIN = """
            {"sections": [{"code": "s", "title": {"en": "S"}, "items": [
              {"code": "a", "type": "YES_NO", "label": {"en": "A"}},
              {"code": "c", "type": "YES_NO", "label": {"en": "C"}, "yesScore": 5,
               "condition": "has(answers.b) && answers.b == true"},
              {"code": "b", "type": "YES_NO", "label": {"en": "B"}, "yesScore": 3,
               "condition": "has(answers.a) && answers.a == true"}]}],
             "scales": [{"code": "t", "name": {"en": "T"}, "method": "SUM", "items": ["a", "b", "c"],
                         "missing": {"maxMissing": 3, "policy": "NOT_SCORABLE"}},
                        {"code": "ratio", "name": {"en": "R"}, "method": "FORMULA", "formula": "scales.t / 0.0"}],
             "overall": {"mode": "JUDGEMENT"}}
            """;

    @Test
    void anAnswerToAnItemThatDoesNotApplyFeedsNothing() {
        // a = no, so b does not apply; b's leftover "yes" must not make c apply.
        ScoringResult result = new Scorer().score(compile(CHAIN), Map.of("a", false, "b", true, "c", true), null);
        assertThat(result.items())
                .extracting(ScoringResult.ItemResult::code, ScoringResult.ItemResult::applicable)
                .containsExactly(tuple("a", true), tuple("c", false), tuple("b", false));
        assertThat(result.scales().get(0).score()).isEqualTo(0.0);
    }

    @Test
    void aFormulaWithoutAFiniteValueIsNotScorable() {
        ScoringResult result = new Scorer().score(compile(CHAIN), Map.of("a", true, "b", true, "c", true), null);
        assertThat(result.scales().get(0).score()).isEqualTo(9.0);
        assertThat(result.scales().get(1).scorable()).isFalse();
        assertThat(result.scales().get(1).score()).isNull();
    }

    @Test
    void aNumberOutsideEveryScoredRangeIsRefused() {
        CompiledInstrument instrument = compile("""
                {"sections": [{"code": "s", "title": {"en": "S"}, "items": [
                  {"code": "age", "type": "NUMBER", "label": {"en": "Age"},
                   "scoreBands": [{"from": 14, "to": 25, "score": 2}, {"from": 25, "score": 0}]}]}],
                 "overall": {"mode": "JUDGEMENT"}}
                """);
        assertThat(AnswerValidator.validate(instrument, Map.of("age", 9)))
                .extracting(FieldError::field)
                .containsExactly("answers.age");
        assertThat(AnswerValidator.validate(instrument, Map.of("age", 30))).isEmpty();
        assertThat(AnswerValidator.validate(instrument, Map.of("age", List.of())))
                .extracting(FieldError::message)
                .containsExactly("must be a number");
    }
}
