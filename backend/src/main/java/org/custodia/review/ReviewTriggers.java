package org.custodia.review;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.custodia.audit.AuditEvent;
import org.custodia.audit.AuditTrail;
import org.custodia.prisoner.LegalStatus;
import org.custodia.prisoner.PrisonerRegister;
import org.custodia.security.Actor;
import org.custodia.security.Caller;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.InvalidRequestException;
import org.custodia.shared.persistence.UuidV7;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Trigger events: each is recorded for good and makes the prisoner due for review today. */
@Service
public class ReviewTriggers {

    private static final String ENTITY = "REVIEW_TRIGGER";

    private final DatabaseClient db;
    private final TenantTransactions tx;
    private final PrisonerRegister prisoners;
    private final AuditTrail audit;
    private final Clock clock;

    ReviewTriggers(
            DatabaseClient db, TenantTransactions tx, PrisonerRegister prisoners, AuditTrail audit, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.prisoners = prisoners;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<ReviewTrigger> add(Caller caller, UUID prisonerId, TriggerForm form) {
        return tx.write(() -> record(caller, prisonerId, form));
    }

    /**
     * Records the event and brings the prisoner's review forward to today (in the country), in the caller's
     * transaction, auditing both. A released prisoner has no review to bring forward: 409.
     */
    public Mono<ReviewTrigger> record(Caller caller, UUID prisonerId, TriggerForm form) {
        LocalDate today = caller.tenant().orElseThrow().today(clock);
        if (form.occurredOn() != null && form.occurredOn().isAfter(today)) {
            return Mono.error(new InvalidRequestException(
                    "The event cannot have happened yet.",
                    List.of(new FieldError("occurredOn", "must be today or earlier"))));
        }
        UUID id = UuidV7.next();
        Actor recorder = Actor.of(caller);
        // Micro-seconds are what timestamptz keeps: the trigger returned is the trigger stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReviewTrigger trigger = new ReviewTrigger(
                id,
                prisonerId,
                form.kind(),
                form.note(),
                form.occurredOn() == null ? today : form.occurredOn(),
                recorder.subject(),
                recorder.username(),
                now);
        return prisoners.find(prisonerId).flatMap(before -> {
            if (before.legalStatus() == LegalStatus.RELEASED) {
                return Mono.error(new ConflictException(
                        "The prisoner has been released: there is no review to bring" + " forward."));
            }
            DatabaseClient.GenericExecuteSpec insert = db.sql("insert into review_trigger (id, prisoner_id, kind,"
                            + " note, occurred_on, recorded_by, recorded_by_name, recorded_at) values (:id, :prisoner, :kind,"
                            + " :note, :occurredOn, :recordedBy, :recordedByName, :recordedAt)")
                    .bind("id", id)
                    .bind("prisoner", prisonerId)
                    .bind("kind", trigger.kind().name())
                    .bind("occurredOn", trigger.occurredOn())
                    .bind("recordedBy", trigger.recordedBy())
                    .bind("recordedByName", trigger.recordedByName())
                    .bind("recordedAt", now);
            insert = insert.bind("note", Parameter.fromOrEmpty(trigger.note(), String.class));
            return insert.then()
                    .then(prisoners.reviewDueBy(prisonerId, today))
                    .then(Mono.defer(() -> prisoners.find(prisonerId)))
                    .flatMap(after -> audit.record(AuditEvent.created("REVIEW_TRIGGER_RECORDED", ENTITY, id, trigger))
                            .then(audit.record(AuditEvent.changed(
                                    "PRISONER_REVIEW_BROUGHT_FORWARD",
                                    "PRISONER",
                                    prisonerId,
                                    new NextReview(before.nextReviewOn()),
                                    new NextReview(after.nextReviewOn()))))
                            .thenReturn(trigger));
        });
    }

    /** The prisoner's triggers, newest first; the read is audited. */
    Mono<List<ReviewTrigger>> list(UUID prisonerId) {
        return tx.write(() -> prisoners
                .find(prisonerId)
                .then(triggersOf(prisonerId))
                .flatMap(triggers -> audit.record(AuditEvent.read("REVIEW_TRIGGERS_VIEWED", "PRISONER", prisonerId))
                        .thenReturn(triggers)));
    }

    /**
     * The triggers of the prisoner {@code p} of a statement, newest first, as one JSON column (a sub-select): for the
     * case file, which reads them beside the prisoner; each element is read with {@link #trigger(Readable)}.
     */
    public static final String OF_PRISONER_AS_JSON = "(select coalesce(json_agg(t order by t.recorded_at desc,"
            + " t.id desc), '[]') from review_trigger t where t.prisoner_id = p.id)";

    /** The prisoner's triggers, newest first, in the caller's transaction. */
    private Mono<List<ReviewTrigger>> triggersOf(UUID prisonerId) {
        return db.sql("select * from review_trigger where prisoner_id = :prisoner order by recorded_at desc, id desc")
                .bind("prisoner", prisonerId)
                .map(ReviewTriggers::trigger)
                .all()
                .collectList();
    }

    /** What a trigger changes on the prisoner's record. */
    private record NextReview(LocalDate nextReviewOn) {}

    public static ReviewTrigger trigger(Readable row) {
        return new ReviewTrigger(
                row.get("id", UUID.class),
                row.get("prisoner_id", UUID.class),
                TriggerKind.valueOf(row.get("kind", String.class)),
                row.get("note", String.class),
                row.get("occurred_on", LocalDate.class),
                row.get("recorded_by", String.class),
                row.get("recorded_by_name", String.class),
                row.get("recorded_at", Instant.class));
    }
}
