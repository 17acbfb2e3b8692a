package org.custodia.audit;

import java.util.UUID;

/**
 * Something that happened to a record: a change (with the state before and after) or a read of a person's record
 * (with neither). Who did it, when and under which request are filled in by {@link AuditTrail}.
 *
 * @param action what happened, e.g. {@code PRISONER_REGISTERED}
 * @param entityType the kind of record, e.g. {@code PRISONER}
 * @param before the record before a change; null for a creation or a read
 * @param after the record after a change; null for a read
 */
public record AuditEvent(String action, String entityType, UUID entityId, Object before, Object after) {

    public static AuditEvent read(String action, String entityType, UUID entityId) {
        return new AuditEvent(action, entityType, entityId, null, null);
    }

    public static AuditEvent created(String action, String entityType, UUID entityId, Object after) {
        return new AuditEvent(action, entityType, entityId, null, after);
    }

    public static AuditEvent changed(String action, String entityType, UUID entityId, Object before, Object after) {
        return new AuditEvent(action, entityType, entityId, before, after);
    }
}
