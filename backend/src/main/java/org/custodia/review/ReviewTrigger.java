package org.custodia.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A recorded trigger event. Triggers are never changed or removed. */
public record ReviewTrigger(
        UUID id,
        UUID prisonerId,
        TriggerKind kind,
        String note,
        LocalDate occurredOn,
        String recordedBy,
        Instant recordedAt) {}
