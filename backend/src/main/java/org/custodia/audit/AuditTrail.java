package org.custodia.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.custodia.security.Caller;
import org.custodia.security.CallerAuthentication;
import org.custodia.shared.observability.LogFields;
import org.custodia.shared.persistence.UuidV7;
import org.custodia.tenancy.TenantContext;
import org.custodia.tenancy.TenantId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends entries to the tenant's audit chain. Call it inside the tenant transaction that makes the change (or reads
 * the record), as its last step: the entry then commits or rolls back with the change, and the chain's head stays
 * locked only for the moment between the append and the commit.
 */
@Component
public class AuditTrail {

    private static final Actor SYSTEM = new Actor("system", "system");

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Void> record(AuditEvent event) {
        return Mono.zip(TenantContext.require(), actor(), requestId()).flatMap(context -> {
            TenantId tenant = context.getT1();
            Actor actor = context.getT2();
            String requestId = context.getT3().isEmpty() ? null : context.getT3();
            String before = event.before() == null ? null : json.writeValueAsString(event.before());
            String after = event.after() == null ? null : json.writeValueAsString(event.after());
            // Micro-second precision is what timestamptz keeps; the hash must cover what is stored.
            Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return lockHead().flatMap(head -> {
                ChainedEntry entry = new ChainedEntry(
                        tenant.value(),
                        head.seq() + 1,
                        UuidV7.next(),
                        occurredAt,
                        actor.subject(),
                        actor.name(),
                        event.action(),
                        event.entityType(),
                        event.entityId(),
                        requestId,
                        before,
                        after);
                return append(entry, head.hash(), entry.hash(head.hash()));
            });
        });
    }

    /**
     * Creates the tenant's head on first use and locks it until the transaction ends. The no-op update is what takes
     * the row lock, and it returns the head in the same round trip.
     */
    private Mono<ChainHead> lockHead() {
        return db.sql("insert into audit_chain_head (seq, hash) values (0, :genesis)"
                        + " on conflict (tenant_id) do update set seq = audit_chain_head.seq"
                        + " returning seq, hash")
                .bind("genesis", ChainedEntry.GENESIS)
                .map(row -> new ChainHead(row.get("seq", Long.class), row.get("hash", byte[].class)))
                .one();
    }

    private Mono<Void> append(ChainedEntry entry, byte[] previousHash, byte[] hash) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("with entry as ("
                        + " insert into audit_entry (seq, id, occurred_at, actor_subject, actor_name, action,"
                        + " entity_type, entity_id, request_id, before, after, previous_hash, hash)"
                        + " values (:seq, :id, :occurredAt, :actorSubject, :actorName, :action, :entityType,"
                        + " :entityId, :requestId, cast(:before as json), cast(:after as json), :previousHash, :hash))"
                        + " update audit_chain_head set seq = :seq, hash = :hash")
                .bind("seq", entry.seq())
                .bind("id", entry.id())
                .bind("occurredAt", entry.occurredAt())
                .bind("actorSubject", entry.actorSubject())
                .bind("actorName", entry.actorName())
                .bind("action", entry.action())
                .bind("entityType", entry.entityType())
                .bind("previousHash", previousHash)
                .bind("hash", hash);
        insert = entry.entityId() == null
                ? insert.bindNull("entityId", UUID.class)
                : insert.bind("entityId", entry.entityId());
        insert = bindText(insert, "requestId", entry.requestId());
        // Bound as text and cast in SQL: a jsonb parameter would be normalised and no longer match the hash.
        insert = bindText(insert, "before", entry.before());
        insert = bindText(insert, "after", entry.after());
        return insert.then();
    }

    private static DatabaseClient.GenericExecuteSpec bindText(
            DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static Mono<Actor> actor() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance)
                .map(authentication -> {
                    Caller caller = ((CallerAuthentication) authentication).caller();
                    return new Actor(caller.subject(), Objects.requireNonNullElse(caller.username(), caller.subject()));
                })
                .defaultIfEmpty(SYSTEM);
    }

    private static Mono<String> requestId() {
        return Mono.deferContextual(context -> Mono.just(context.getOrDefault(LogFields.REQUEST_ID, "")));
    }

    private record Actor(String subject, String name) {}

    private record ChainHead(long seq, byte[] hash) {}
}
