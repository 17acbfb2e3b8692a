package org.custodia.prisoner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A prisoner's record in the register.
 *
 * @param currentCategory the category of the last approved classification, or null before the first
 * @param nextReviewOn when the classification is next due for review (a trigger event brings it forward)
 * @param transferNeeded the current facility may not hold the current category
 */
public record Prisoner(
        UUID id,
        String number,
        String familyName,
        String givenNames,
        LocalDate dateOfBirth,
        String sex,
        String citizenship,
        UUID facilityId,
        LegalStatus legalStatus,
        LocalDate admittedOn,
        Sentence sentence,
        List<String> offences,
        List<String> flags,
        String currentCategory,
        UUID currentDecisionId,
        LocalDate nextReviewOn,
        boolean transferNeeded,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
