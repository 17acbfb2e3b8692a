package org.custodia.prisoner;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A search of the register; every criterion is optional.
 *
 * @param text a prisoner number's beginning, or part of a name
 * @param reviewDueBy only prisoners whose review falls on or before this day (today: due or overdue)
 * @param page from 0
 */
public record PrisonerQuery(
        String text,
        UUID facilityId,
        String category,
        LocalDate reviewDueBy,
        LegalStatus legalStatus,
        int page,
        int size) {}
