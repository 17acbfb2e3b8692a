package org.custodia.onboarding;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.custodia.onboarding.PlatformTenantViews.PlatformAuditEntry;
import org.custodia.shared.persistence.JsonDocuments;
import org.custodia.shared.persistence.UuidV7;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * What platform staff did to tenants. A country's audit trail is tenant-scoped (RLS, one hash chain per tenant) and
 * platform staff have no tenant, so their actions go to this append-only platform log instead (ADR 0009). Record
 * inside the same transaction as the change. Details hold codes and reasons, never a person's data.
 */
@Component
class PlatformAudit {

    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {};

    private final DatabaseClient db;
    private final JsonDocuments json;

    PlatformAudit(DatabaseClient db, JsonDocuments json) {
        this.db = db;
        this.json = json;
    }

    Mono<Void> record(String actor, String action, UUID tenant, Map<String, Object> detail) {
        return db.sql("insert into platform_audit (id, at, actor, action, tenant, detail)"
                        + " values (:id, now(), :actor, :action, :tenant, :detail)")
                .bind("id", UuidV7.next())
                .bind("actor", actor)
                .bind("action", action)
                .bind("tenant", tenant)
                .bind("detail", json.write(detail))
                .then();
    }

    Flux<PlatformAuditEntry> of(UUID tenant) {
        return db.sql("select at, actor, action, detail from platform_audit where tenant = :tenant order by at, id")
                .bind("tenant", tenant)
                .map(row -> new PlatformAuditEntry(
                        row.get("at", Instant.class),
                        row.get("actor", String.class),
                        row.get("action", String.class),
                        json.read(row.get("detail", Json.class), DETAIL)))
                .all();
    }
}
