package org.custodia.planning;

import java.time.Instant;
import java.util.UUID;

/**
 * A programme referral of a prisoner.
 *
 * @param need the need (an instrument's scale or item code) the programme addresses
 * @param assessmentId the approved assessment that found the need
 * @param reason why it was declined or dropped
 * @param updatedBy the subject of who last changed it (or proposed it)
 */
public record Referral(
        UUID id,
        UUID prisonerId,
        String programmeCode,
        String need,
        UUID assessmentId,
        ReferralStatus status,
        String reason,
        long version,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt) {}
