package org.custodia.audit;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** An audit entry as an auditor reads it. {@code hash} is hexadecimal, to quote when reporting a broken link. */
public record AuditEntryView(
        long seq,
        UUID id,
        Instant occurredAt,
        String actorSubject,
        String actorName,
        String action,
        String entityType,
        UUID entityId,
        String requestId,
        JsonNode before,
        JsonNode after,
        String hash) {}
