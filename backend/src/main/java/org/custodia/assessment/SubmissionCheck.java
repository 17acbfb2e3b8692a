package org.custodia.assessment;

import java.util.ArrayList;
import java.util.List;
import org.custodia.methodology.instrument.InstrumentDefinition.OverallMode;
import org.custodia.methodology.instrument.ScoringResult;
import org.custodia.methodology.instrument.ScoringResult.OverallResult;
import org.custodia.shared.error.FieldError;

/**
 * What stops a scored assessment from being submitted, named by the request field the assessor must fill: each
 * required item that applies and is unanswered, and an overall rating that is not complete (for a judgement, its
 * level or its rationale).
 */
final class SubmissionCheck {

    private SubmissionCheck() {}

    static List<FieldError> problems(ScoringResult scoring, OverallMode mode) {
        List<FieldError> problems = new ArrayList<>();
        for (String item : scoring.missingRequired()) {
            problems.add(new FieldError("answers." + item, "is required"));
        }
        OverallResult overall = scoring.overall();
        if (overall.complete()) {
            return problems;
        }
        if (mode == OverallMode.FORMULA) {
            problems.add(new FieldError("overall", "cannot be rated: " + overall.reason()));
        } else if (overall.judgedLevel() == null) {
            problems.add(new FieldError(
                    "judgement.level",
                    mode == OverallMode.JUDGEMENT
                            ? "is required: the rating of this instrument is the rater's judgement"
                            : "is required because the formula gives no rating: " + overall.reason()));
        } else {
            problems.add(new FieldError("judgement.rationale", "is required: " + overall.reason()));
        }
        return problems;
    }
}
