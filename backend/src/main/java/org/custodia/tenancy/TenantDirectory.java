package org.custodia.tenancy;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.custodia.shared.persistence.JsonDocuments;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tenant registry. It is platform data, not tenant-owned, so it is read outside tenant transactions. It is
 * read on every authenticated request on purpose: a suspended tenant's tokens must be refused at once, and an
 * indexed lookup by realm costs less than keeping a cache coherent across replicas.
 */
@Component
public class TenantDirectory {

    private static final String COLUMNS = "id, code, realm, status, display_name, default_language, time_zone";

    private final DatabaseClient db;
    private final JsonDocuments json;

    TenantDirectory(DatabaseClient db, JsonDocuments json) {
        this.db = db;
        this.json = json;
    }

    public Mono<Tenant> findActiveByRealm(String realm) {
        return db.sql("select " + COLUMNS + " from tenant where realm = :realm and status = 'ACTIVE'")
                .bind("realm", realm)
                .map(this::toTenant)
                .one();
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
