package org.custodia.assessment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.custodia.methodology.instrument.Judgement;
import org.custodia.methodology.instrument.ScoringResult;
import org.custodia.security.Actor;

/**
 * An assessment with its scoring.
 *
 * @param scoring while the assessment is editable, the live scoring of the answers saved so far (for a score panel);
 *     once submitted, the scoring stored on submission
 * @param decidedBy the supervisor who approved it, or returned it (until it is submitted again)
 * @param decisionComment the supervisor's comment on approving or returning it
 */
public record AssessmentView(
        UUID id,
        UUID prisonerId,
        UUID instrumentVersionId,
        String instrumentCode,
        AssessmentStatus status,
        Map<String, Object> answers,
        Judgement judgement,
        ScoringResult scoring,
        String overallLevel,
        long version,
        Actor startedBy,
        Instant startedAt,
        Actor submittedBy,
        Instant submittedAt,
        Actor decidedBy,
        Instant decidedAt,
        String decisionComment,
        Instant updatedAt) {

    static AssessmentView of(Assessment a, ScoringResult scoring) {
        return new AssessmentView(
                a.id(),
                a.prisonerId(),
                a.instrumentVersionId(),
                a.instrumentCode(),
                a.status(),
                a.answers(),
                a.judgement(),
                scoring,
                a.overallLevel(),
                a.version(),
                a.startedBy(),
                a.startedAt(),
                a.submittedBy(),
                a.submittedAt(),
                a.decidedBy(),
                a.decidedAt(),
                a.decisionComment(),
                a.updatedAt());
    }
}
