package org.custodia.assessment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.custodia.methodology.instrument.Judgement;
import org.custodia.methodology.instrument.ScoringResult;
import org.custodia.security.Actor;

/**
 * An assessment as stored: the answers given so far, the rater's judgement and, once submitted, the server's scoring.
 *
 * @param result the scoring stored on submission; null while the assessment is editable
 */
record Assessment(
        UUID id,
        UUID prisonerId,
        UUID instrumentVersionId,
        String instrumentCode,
        AssessmentStatus status,
        Map<String, Object> answers,
        Judgement judgement,
        ScoringResult result,
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

    /** Why {@code subject} may not approve or return this assessment, or null if they may: four eyes, never two. */
    String whyNotDecidableBy(String subject) {
        if (submittedBy != null && subject.equals(submittedBy.subject())) {
            return "You submitted this assessment: another supervisor decides it.";
        }
        if (subject.equals(startedBy.subject())) {
            return "You started this assessment: another supervisor decides it.";
        }
        return null;
    }
}
