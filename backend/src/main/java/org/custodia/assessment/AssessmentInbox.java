package org.custodia.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A supervisor's approval inbox: the country's submitted assessments, oldest submission first. */
public record AssessmentInbox(List<Entry> items, int page, int size, long total) {

    /**
     * @param decidable whether the caller may approve or return it
     * @param reason why not, when not decidable
     */
    public record Entry(
            UUID id,
            UUID prisonerId,
            String prisonerNumber,
            String familyName,
            String givenNames,
            String instrumentCode,
            String overallLevel,
            long version,
            String startedBy,
            String submittedBy,
            Instant submittedAt,
            boolean decidable,
            String reason) {}
}
