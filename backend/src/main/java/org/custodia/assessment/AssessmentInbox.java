package org.custodia.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.custodia.security.Actor;

/** A supervisor's approval inbox: the country's submitted assessments, oldest submission first. */
public record AssessmentInbox(List<Entry> items, int page, int size, long total) {

    /**
     * @param mayDecide whether the caller may approve or return it
     * @param whyNot when the caller may not, the reason (they started or submitted it themselves)
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
            Actor startedBy,
            Actor submittedBy,
            Instant submittedAt,
            boolean mayDecide,
            String whyNot) {}
}
