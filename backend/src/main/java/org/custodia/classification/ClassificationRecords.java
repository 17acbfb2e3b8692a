package org.custodia.classification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.audit.AuditEvent;
import org.custodia.audit.AuditTrail;
import org.custodia.classification.ClassificationViews.DecisionView;
import org.custodia.classification.ClassificationViews.Inbox;
import org.custodia.classification.ClassificationViews.InboxItem;
import org.custodia.facility.Facility;
import org.custodia.prisoner.Prisoner;
import org.custodia.prisoner.PrisonerRegister;
import org.custodia.security.Actor;
import org.custodia.security.Caller;
import org.custodia.shared.web.InboxCount;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading classification decisions: one decision, a prisoner's history, and the supervisors' inbox. Each read shows a
 * person's record, so each is audited in its own transaction.
 */
@Service
public class ClassificationRecords {

    private final DecisionRepository decisions;
    private final DecisionViewer viewer;
    private final PrisonerRegister prisoners;
    private final AuditTrail audit;
    private final TenantTransactions tx;

    ClassificationRecords(
            DecisionRepository decisions,
            DecisionViewer viewer,
            PrisonerRegister prisoners,
            AuditTrail audit,
            TenantTransactions tx) {
        this.decisions = decisions;
        this.viewer = viewer;
        this.prisoners = prisoners;
        this.audit = audit;
        this.tx = tx;
    }

    Mono<DecisionView> decision(UUID id) {
        return tx.write(() -> viewer.find(id)
                .flatMap(viewer::view)
                .flatMap(
                        view -> audit.record(AuditEvent.read("CLASSIFICATION_VIEWED", ClassificationService.ENTITY, id))
                                .thenReturn(view)));
    }

    /** Every decision about the prisoner, newest first, in the caller's transaction and not audited: for the case file. */
    public Mono<List<DecisionView>> historyOf(Prisoner prisoner, Facility facility) {
        return decisions
                .historyOf(prisoner.id())
                .map(decision -> viewer.view(decision, facility))
                .collectList();
    }

    /** Every decision about the prisoner, newest first; recorded against the prisoner with the decisions shown. */
    Flux<DecisionView> history(UUID prisonerId) {
        return tx.write(() -> prisoners
                        .find(prisonerId)
                        .flatMap(prisoner -> viewer.facilityOf(prisoner)
                                .flatMap(facility -> historyOf(prisoner, facility))
                                .flatMap(views -> audit.record(new AuditEvent(
                                                "CLASSIFICATION_HISTORY_VIEWED",
                                                "PRISONER",
                                                prisonerId,
                                                null,
                                                Map.of(
                                                        "shown",
                                                        views.stream()
                                                                .map(DecisionView::id)
                                                                .toList())))
                                        .thenReturn(views))))
                .flatMapMany(Flux::fromIterable);
    }

    /**
     * One page of the decisions awaiting approval, oldest submission first, each saying whether the caller may decide
     * it (never their own); {@code total} counts them all. Recorded with the decisions shown.
     */
    Mono<Inbox> inbox(Caller caller, int page, int size) {
        String submitted = DecisionStatus.SUBMITTED.name();
        // Many decisions share a facility: each is read once (concatMap keeps the map single-threaded).
        Map<UUID, Mono<Facility>> facilities = new HashMap<>();
        return tx.write(() -> decisions
                .inStatus(submitted, size, (long) page * size)
                .concatMap(decision -> item(caller, decision, facilities))
                .collectList()
                .zipWith(decisions.countInStatus(submitted), (items, total) -> new Inbox(items, page, size, total))
                .flatMap(inbox -> audit.record(new AuditEvent(
                                "CLASSIFICATION_INBOX_VIEWED",
                                ClassificationService.ENTITY,
                                null,
                                null,
                                Map.of(
                                        "shown",
                                        inbox.items().stream()
                                                .map(InboxItem::id)
                                                .toList())))
                        .thenReturn(inbox)));
    }

    /** How many decisions await approval in the country, as the inbox's {@code total} counts them. */
    Mono<InboxCount> waiting() {
        return tx.read(() -> decisions.countInStatus(DecisionStatus.SUBMITTED.name()))
                .map(InboxCount::new);
    }

    private Mono<InboxItem> item(Caller caller, DecisionEntity decision, Map<UUID, Mono<Facility>> facilities) {
        return prisoners
                .find(decision.prisonerId())
                .flatMap(prisoner -> facilities
                        .computeIfAbsent(
                                prisoner.facilityId(),
                                id -> viewer.facilityOf(prisoner).cache())
                        .map(facility -> {
                            String whyNot =
                                    FourEyes.whyMayNotDecide(decision, caller).orElse(null);
                            return new InboxItem(
                                    decision.id(),
                                    prisoner.id(),
                                    prisoner.number(),
                                    prisoner.familyName(),
                                    prisoner.givenNames(),
                                    decision.proposedCategory(),
                                    decision.category(),
                                    decision.overrideReason() == null
                                            ? null
                                            : OverrideReason.valueOf(decision.overrideReason()),
                                    new Actor(decision.proposedBy(), decision.proposedByName()),
                                    decision.submittedAt(),
                                    DecisionViewer.transferNeeded(decision, facility),
                                    whyNot == null,
                                    whyNot,
                                    decision.version());
                        }));
    }
}
