package org.custodia.audit;

import java.time.Instant;
import java.util.UUID;

/** Which entries an auditor asks for; every field is optional. */
public record AuditFilter(
        String action,
        String entityType,
        UUID entityId,
        String actor,
        Instant from,
        Instant to,
        Long beforeSeq,
        int limit) {}
