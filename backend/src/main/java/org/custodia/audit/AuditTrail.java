package org.custodia.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.custodia.security.Caller;
import org.custodia.security.CallerAuthentication;
import org.custodia.shared.observability.LogFields;
import org.custodia.shared.persistence.UuidV7;
import org.custodia.tenancy.TenantContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends entries to the tenant's audit trail. Call it inside the tenant transaction that makes the change (or reads
 * the record): the entry commits or rolls back with the change. The database seals it into the tenant's hash chain
 * as the transaction commits (ADR 0008), so no lock is held while the service works.
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
        return Mono.zip(actor(), requestId()).flatMap(context -> {
            Actor actor = context.getT1();
            String requestId = context.getT2().isEmpty() ? null : context.getT2();
            DatabaseClient.GenericExecuteSpec insert = db.sql("insert into audit_entry (id, occurred_at, actor_subject,"
                            + " actor_name, action, entity_type, entity_id, request_id, before, after) values (:id,"
                            + " :occurredAt, :actorSubject, :actorName, :action, :entityType, :entityId, :requestId,"
                            + " cast(:before as json), cast(:after as json))")
                    .bind("id", UuidV7.next())
                    // Micro-seconds are what timestamptz keeps, and what the seal covers.
                    .bind("occurredAt", clock.instant().truncatedTo(ChronoUnit.MICROS))
                    .bind("actorSubject", actor.subject())
                    .bind("actorName", actor.name())
                    .bind("action", event.action())
                    .bind("entityType", event.entityType());
            // Documents are bound as text and cast in SQL: a jsonb parameter would be normalised, json keeps them.
            insert = insert.bind("entityId", Parameter.fromOrEmpty(event.entityId(), UUID.class))
                    .bind("requestId", Parameter.fromOrEmpty(requestId, String.class))
                    .bind("before", Parameter.fromOrEmpty(document(event.before()), String.class))
                    .bind("after", Parameter.fromOrEmpty(document(event.after()), String.class));
            return TenantContext.require().then(insert.then());
        });
    }

    private String document(Object value) {
        return value == null ? null : json.writeValueAsString(value);
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
}
