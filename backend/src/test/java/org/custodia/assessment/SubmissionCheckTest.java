package org.custodia.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.custodia.methodology.instrument.InstrumentDefinition.OverallMode;
import org.custodia.methodology.instrument.ScoringResult;
import org.custodia.methodology.instrument.ScoringResult.OverallResult;
import org.custodia.shared.error.FieldError;
import org.junit.jupiter.api.Test;

class SubmissionCheckTest {

    private static ScoringResult scoring(List<String> missingRequired, OverallResult overall) {
        return new ScoringResult(List.of(), List.of(), missingRequired, overall);
    }

    private static List<String> fields(ScoringResult scoring, OverallMode mode) {
        return SubmissionCheck.problems(scoring, mode).stream()
                .map(FieldError::field)
                .toList();
    }

    @Test
    void aCompleteRatingWithEveryRequiredAnswerHasNoProblem() {
        OverallResult rated = new OverallResult("HIGH", null, "HIGH", null, true, null);
        assertThat(fields(scoring(List.of(), rated), OverallMode.FORMULA)).isEmpty();
    }

    @Test
    void namesEachMissingRequiredAnswer() {
        OverallResult rated = new OverallResult("HIGH", null, "HIGH", null, true, null);
        assertThat(fields(scoring(List.of("age_now", "escape_history"), rated), OverallMode.BOTH))
                .containsExactly("answers.age_now", "answers.escape_history");
    }

    @Test
    void aFormulaThatCannotRateIsTheOverallRatingsProblem() {
        OverallResult unrated = new OverallResult(null, null, null, null, false, "scale x is not scorable");
        assertThat(SubmissionCheck.problems(scoring(List.of(), unrated), OverallMode.FORMULA))
                .containsExactly(new FieldError("overall", "cannot be rated: scale x is not scorable"));
    }

    @Test
    void aJudgementRatingNeedsTheLevelThenTheRationale() {
        OverallResult noJudgement =
                new OverallResult(null, null, null, null, false, "the rater's judgement is required");
        OverallResult noRationale =
                new OverallResult(null, "HIGH", "HIGH", null, false, "the judgement needs a written rationale");
        assertThat(fields(scoring(List.of(), noJudgement), OverallMode.JUDGEMENT))
                .containsExactly("judgement.level");
        assertThat(fields(scoring(List.of(), noRationale), OverallMode.JUDGEMENT))
                .containsExactly("judgement.rationale");
    }

    @Test
    void bothModesAskForAJudgementOnlyWhereTheFormulaGivesNoneOrIsOverruled() {
        OverallResult formulaFailed = new OverallResult(null, null, null, null, false, "intent is not scorable");
        OverallResult overruledSilently = new OverallResult(
                "HIGH", "LOW", "LOW", null, false, "a judgement that differs from the formula needs a rationale");
        assertThat(SubmissionCheck.problems(scoring(List.of(), formulaFailed), OverallMode.BOTH))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple(
                        "judgement.level", "is required because the formula gives no rating: intent is not scorable"));
        assertThat(fields(scoring(List.of(), overruledSilently), OverallMode.BOTH))
                .containsExactly("judgement.rationale");
    }
}
