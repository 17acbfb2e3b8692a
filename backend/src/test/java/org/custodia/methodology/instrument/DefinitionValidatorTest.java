package org.custodia.methodology.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.custodia.shared.error.FieldError;
import org.junit.jupiter.api.Test;

class DefinitionValidatorTest {

    private static List<FieldError> errorsOf(String json) {
        InstrumentDefinition definition = InstrumentFixtures.JSON.readValue(json, InstrumentDefinition.class);
        return InstrumentFixtures.VALIDATOR
                .validate(definition, InstrumentFixtures.LEVELS, "en")
                .errors();
    }

    private static String withScales(String scales) {
        return """
                {"sections": [{"code": "s", "title": {"en": "S"}, "items": [
                  {"code": "a", "type": "YES_NO", "label": {"en": "A"}},
                  {"code": "b", "type": "YES_NO", "label": {"en": "B"}},
                  {"code": "t", "type": "TEXT", "label": {"en": "T"}}]}],
                 "scales": %s,
                 "overall": {"mode": "JUDGEMENT"}}
                """.formatted(scales);
    }

    /** Scale {@code x} banded into LOW / HIGH, and an overall rating by this formula. */
    private static List<FieldError> errorsOfOverall(String formula) {
        return errorsOf("""
                {"sections": [{"code": "s", "title": {"en": "S"}, "items": [
                  {"code": "a", "type": "YES_NO", "label": {"en": "A"}}]}],
                 "scales": [{"code": "x", "name": {"en": "X"}, "method": "SUM", "items": ["a"],
                             "bands": [{"to": 1, "level": "LOW"}, {"from": 1, "level": "HIGH"}]}],
                 "overall": {"mode": "FORMULA", "formula": "%s"}}
                """.formatted(formula));
    }

    @Test
    void theFixtureIsValid() {
        assertThat(InstrumentFixtures.VALIDATOR
                        .validate(InstrumentFixtures.definition("custody-rating.json"), InstrumentFixtures.LEVELS, "en")
                        .errors())
                .isEmpty();
    }

    @Test
    void namesAnUnknownItemReferencedByAScale() {
        assertThat(errorsOf(withScales("""
                        [{"code": "x", "name": {"en": "X"}, "method": "SUM", "items": ["a", "zz"]}]""")))
                .extracting(FieldError::field, FieldError::message)
                .contains(tuple("definition.scales[0].items[1]", "no item has the code 'zz'"));
    }

    @Test
    void refusesSummingATextItem() {
        assertThat(errorsOf(withScales("""
                        [{"code": "x", "name": {"en": "X"}, "method": "SUM", "items": ["t"]}]"""))).extracting(FieldError::field).contains("definition.scales[0].items[0]");
    }

    @Test
    void namesOverlappingAndGappedBands() {
        List<FieldError> errors = errorsOf(withScales("""
                [{"code": "x", "name": {"en": "X"}, "method": "SUM", "items": ["a"],
                  "bands": [{"to": 5, "level": "LOW"}, {"from": 4, "to": 8, "level": "MEDIUM"},
                            {"from": 9, "level": "HIGH"}]}]"""));
        assertThat(errors)
                .extracting(FieldError::field, FieldError::message)
                .contains(
                        tuple("definition.scales[0].bands[1].from", "overlaps the previous band"),
                        tuple("definition.scales[0].bands[2].from", "leaves a gap after the previous band"));
    }

    @Test
    void namesABandWhoseLevelDoesNotExist() {
        assertThat(errorsOf(withScales("""
                        [{"code": "x", "name": {"en": "X"}, "method": "SUM", "items": ["a"],
                          "bands": [{"level": "EXTREME"}]}]""")))
                .extracting(FieldError::field)
                .containsExactly("definition.scales[0].bands[0].level");
    }

    @Test
    void namesDuplicateCodes() {
        assertThat(errorsOf(withScales("""
                        [{"code": "x", "name": {"en": "X"}, "method": "SUM", "items": ["a"]},
                         {"code": "x", "name": {"en": "X2"}, "method": "SUM", "items": ["b"]}]""")))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("definition.scales[1].code", "'x' is used twice"));
    }

    @Test
    void findsACycleBetweenFormulas() {
        assertThat(errorsOf(withScales("""
                        [{"code": "x", "name": {"en": "X"}, "method": "FORMULA", "formula": "scales.y + 1.0"},
                         {"code": "y", "name": {"en": "Y"}, "method": "FORMULA", "formula": "scales.x * 2.0"}]""")))
                .singleElement()
                .satisfies(
                        error -> assertThat(error.message()).contains("cycle").contains("x -> y -> x"));
    }

    @Test
    void reportsAWrongExpressionWithItsPosition() {
        List<FieldError> errors = errorsOf(withScales("""
                [{"code": "x", "name": {"en": "X"}, "method": "FORMULA", "formula": "scales.nope + 1.0"}]"""));
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("definition.scales[0].formula");
            assertThat(error.message()).contains("scales.nope");
            assertThat(error.line()).isEqualTo(1);
            assertThat(error.column()).isEqualTo(7);
        });
        assertThat(errorsOf(withScales("""
                        [{"code": "x", "name": {"en": "X"}, "method": "FORMULA", "formula": "scales.x +"}]""")))
                .singleElement()
                .satisfies(error -> assertThat(error.line()).isEqualTo(1));
    }

    @Test
    void refusesAnExpressionOverTheSizeLimit() {
        String huge = "1.0" + " + 1.0".repeat(500);
        assertThat(errorsOf(withScales("""
                        [{"code": "x", "name": {"en": "X"}, "method": "FORMULA", "formula": "%s"}]""".formatted(huge))))
                .extracting(FieldError::field)
                .contains("definition.scales[0].formula");
    }

    @Test
    void requiresNamesInTheDefaultLanguage() {
        InstrumentDefinition definition = InstrumentFixtures.JSON.readValue(
                withScales("[]").replace("{\"en\": \"B\"}", "{\"ru\": \"Б\"}"), InstrumentDefinition.class);
        assertThat(InstrumentFixtures.VALIDATOR
                        .validate(definition, InstrumentFixtures.LEVELS, "en")
                        .errors())
                .extracting(FieldError::field)
                .containsExactly("definition.sections[0].items[1].label.en");
    }

    @Test
    void namesARiskLevelCodeTheOverallFormulaMisspells() {
        assertThat(errorsOfOverall("levels.x == 'HIHG' ? 'VERY_HIGH' : levels.x"))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("definition.overall.formula");
                    assertThat(error.message())
                            .isEqualTo("'HIHG' is neither one of this country's risk levels"
                                    + " [HIGH, LOW, MEDIUM, VERY_HIGH] nor a scale of this instrument");
                    assertThat(error.line()).isEqualTo(1);
                    assertThat(error.column()).isEqualTo(13);
                });
        assertThat(errorsOfOverall("levels.x in ['HIGH', 'VERY_HGH'] ? 'HIGH' : 'LOW'"))
                .extracting(FieldError::column)
                .containsExactly(22);
    }

    @Test
    void whatTheOverallFormulaReturnsMustBeALevelNotAScale() {
        assertThat(errorsOfOverall("has(levels.x) ? 'x' : 'LOW'"))
                .extracting(FieldError::message)
                .containsExactly("'x' is not one of this country's risk levels [HIGH, LOW, MEDIUM, VERY_HIGH]");
    }

    /** The needs inventory's way of counting high domains: scale codes as keys are what the formula is about. */
    @Test
    void acceptsScaleCodesAsKeysOfTheOverallFormula() {
        assertThat(errorsOfOverall(
                        "['x'].filter(d, levels[d] == 'HIGH').size() >= 1 || 'x' in scales ? 'HIGH' : 'LOW'"))
                .isEmpty();
    }

    @Test
    void refusesAMissingDataRuleOnAFormulaScale() {
        assertThat(errorsOf(withScales("""
                        [{"code": "x", "name": {"en": "X"}, "method": "SUM", "items": ["a"]},
                         {"code": "y", "name": {"en": "Y"}, "method": "FORMULA", "formula": "scales.x * 2.0",
                          "missing": {"maxMissing": 1, "policy": "PRORATE"}}]""")))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple(
                        "definition.scales[1].missing",
                        "a FORMULA scale takes no missing-data rule: it is not scorable when a scale it uses is not;"
                                + " set the rule on those SUM scales"));
    }

    /** Every definition stored so far carries the default rule on its formula scales, so it must stay valid. */
    @Test
    void acceptsTheDefaultMissingDataRuleOnAFormulaScale() {
        assertThat(errorsOf(withScales("""
                        [{"code": "x", "name": {"en": "X"}, "method": "SUM", "items": ["a"]},
                         {"code": "y", "name": {"en": "Y"}, "method": "FORMULA", "formula": "scales.x * 2.0",
                          "missing": {"maxMissing": 0, "policy": "NOT_SCORABLE"}}]"""))).isEmpty();
    }
}
