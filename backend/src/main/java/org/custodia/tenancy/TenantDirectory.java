package org.custodia.tenancy;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.shared.persistence.JsonDocuments;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tenant registry. It is platform data, not tenant-owned, so it is read outside tenant transactions. Every
 * authenticated request asks for its realm's active tenant; the answer is remembered only while {@link TenantChanges}
 * listens to the registry's change notifications, and forgotten at each one, so a suspended tenant's tokens are
 * still refused at once (ADR 0001).
 */
@Component
public class TenantDirectory {

    private static final String COLUMNS = "id, code, realm, status, display_name, default_language, time_zone";

    private final DatabaseClient db;
    private final JsonDocuments json;
    private final TenantChanges changes;

    TenantDirectory(DatabaseClient db, JsonDocuments json, TenantChanges changes) {
        this.db = db;
        this.json = json;
        this.changes = changes;
    }

    /** The ACTIVE tenant whose token issuer is this realm, or empty. */
    public Mono<Tenant> findActiveByRealm(String realm) {
        // Taken before the read, so a change committed during it drops what the read stores (TenantChanges).
        Optional<Map<String, Tenant>> memory = changes.memory();
        Tenant remembered = memory.map(tenants -> tenants.get(realm)).orElse(null);
        if (remembered != null) {
            return Mono.just(remembered);
        }
        return db.sql("select " + COLUMNS + " from tenant where realm = :realm and status = 'ACTIVE'")
                .bind("realm", realm)
                .map(this::toTenant)
                .one()
                .doOnNext(tenant -> memory.ifPresent(tenants -> tenants.put(realm, tenant)));
    }

    /** After committing a change to the registry: this replica's next request reads it afresh (TenantChanges). */
    public void forgetRemembered() {
        changes.forgetNow();
    }

    public Flux<Tenant> findActive() {
        return db.sql("select " + COLUMNS + " from tenant where status = 'ACTIVE' order by code")
                .map(this::toTenant)
                .all();
    }

    private Tenant toTenant(Readable row) {
        return new Tenant(
                new TenantId(row.get("id", UUID.class)),
                row.get("code", String.class),
                row.get("realm", String.class),
                TenantStatus.valueOf(row.get("status", String.class)),
                json.texts(row.get("display_name", Json.class)),
                row.get("default_language", String.class),
                row.get("time_zone", String.class));
    }
}
