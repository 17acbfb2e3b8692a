package org.custodia.assessment;

import java.time.Instant;
import java.util.UUID;

/** One line of a prisoner's list of assessments: no answers. */
public record AssessmentSummary(
        UUID id,
        UUID instrumentVersionId,
        String instrumentCode,
        AssessmentStatus status,
        String overallLevel,
        long version,
        Instant startedAt,
        Instant submittedAt,
        Instant decidedAt) {}
