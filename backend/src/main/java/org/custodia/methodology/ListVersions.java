package org.custodia.methodology;

import org.custodia.shared.error.ConflictException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Optimistic locking for lists a country edits as a whole (risk levels, offences, programmes): one version per list
 * and tenant. Call inside the tenant transaction that replaces the list.
 */
@Component
public class ListVersions {

    public static final String RISK_LEVELS = "RISK_LEVELS";
    public static final String OFFENCES = "OFFENCES";
    public static final String PROGRAMMES = "PROGRAMMES";

    private final DatabaseClient db;

    ListVersions(DatabaseClient db) {
        this.db = db;
    }

    /** The list's version; 0 before its first save. */
    public Mono<Long> current(String kind) {
        return db.sql("select version from methodology_list where kind = :kind")
                .bind("kind", kind)
                .map(row -> row.get("version", Long.class))
                .one()
                .defaultIfEmpty(0L);
    }

    /** Moves the list from {@code expected} to the next version, or fails with 409 if someone else got there first. */
    public Mono<Void> bump(String kind, long expected) {
        return db.sql("update methodology_list set version = version + 1, updated_at = now()"
                        + " where kind = :kind and version = :expected")
                .bind("kind", kind)
                .bind("expected", expected)
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> {
                    if (updated == 1) {
                        return Mono.<Void>empty();
                    }
                    if (expected != 0) {
                        return Mono.error(new ConflictException(
                                "This list was changed by someone else. Reload it and apply your change again."));
                    }
                    // First save; a concurrent first save fails on the primary key, which is a 409 too.
                    return db.sql("insert into methodology_list (kind, version, updated_at) values (:kind, 1, now())")
                            .bind("kind", kind)
                            .then();
                });
    }
}
