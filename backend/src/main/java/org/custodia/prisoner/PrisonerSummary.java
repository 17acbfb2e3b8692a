package org.custodia.prisoner;

import java.time.LocalDate;
import java.util.UUID;

/** One line of the register. */
public record PrisonerSummary(
        UUID id,
        String number,
        String familyName,
        String givenNames,
        UUID facilityId,
        LegalStatus legalStatus,
        String currentCategory,
        LocalDate nextReviewOn,
        boolean transferNeeded) {}
