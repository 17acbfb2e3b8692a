package org.custodia.review;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A recorded trigger event. Triggers are never changed or removed.
 *
 * @param recordedBy the token subject of who recorded it
 * @param recordedByName their user name, what staff recognise (the subject for triggers recorded before it was kept)
 */
public record ReviewTrigger(
        UUID id,
        UUID prisonerId,
        TriggerKind kind,
        String note,
        LocalDate occurredOn,

        @Schema(description = "Token subject of who recorded the event (an id, not for display)")
        String recordedBy,

        @Schema(description = "User name of who recorded the event, to show staff")
        String recordedByName,

        Instant recordedAt) {}
