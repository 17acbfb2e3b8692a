package org.custodia.planning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A programme referral of a prisoner.
 *
 * @param need the need (an instrument's scale or item code) the programme addresses
 * @param assessmentId the approved assessment that found the need
 * @param reason why it was declined or dropped
 * @param updatedBy the subject of who last changed it (or proposed it)
 * @param updatedByName their user name, what staff recognise (the subject for changes made before it was kept)
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

        @Schema(description = "Token subject of who last changed it (an id, not for display)")
        String updatedBy,

        @Schema(description = "User name of who last changed it, to show staff")
        String updatedByName,

        Instant updatedAt) {}
