package org.custodia.classification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.custodia.audit.AuditEvent;
import org.custodia.audit.AuditTrail;
import org.custodia.classification.ClassificationRequests.ApproveClassification;
import org.custodia.classification.ClassificationRequests.OverrideClassification;
import org.custodia.classification.ClassificationRequests.RejectClassification;
import org.custodia.classification.ClassificationViews.DecisionView;
import org.custodia.methodology.scheme.ClassificationFacts;
import org.custodia.methodology.scheme.PublishedScheme;
import org.custodia.methodology.scheme.RuleEngine;
import org.custodia.methodology.scheme.SchemeDefinition;
import org.custodia.methodology.scheme.SchemeService;
import org.custodia.prisoner.LegalStatus;
import org.custodia.prisoner.Prisoner;
import org.custodia.prisoner.PrisonerFacts;
import org.custodia.prisoner.PrisonerRegister;
import org.custodia.security.Actor;
import org.custodia.security.Caller;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.UnprocessableException;
import org.custodia.shared.observability.BusinessMetrics;
import org.custodia.shared.persistence.JsonDocuments;
import org.custodia.shared.persistence.UuidV7;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The lifecycle of a classification decision: the rules propose, the author accepts or overrides within the legal
 * constraints, a second person approves or rejects, and approval makes it the prisoner's classification. Each step is
 * one transaction that ends by auditing it.
 */
@Service
class ClassificationService {

    static final String ENTITY = "CLASSIFICATION_DECISION";

    private final DecisionRepository decisions;
    private final DecisionViewer viewer;
    private final PrisonerRegister prisoners;
    private final PrisonerFacts prisonerFacts;
    private final SchemeService schemes;
    private final AuditTrail audit;
    private final TenantTransactions tx;
    private final JsonDocuments json;
    private final BusinessMetrics metrics;
    private final Clock clock;

    ClassificationService(
            DecisionRepository decisions,
            DecisionViewer viewer,
            PrisonerRegister prisoners,
            PrisonerFacts prisonerFacts,
            SchemeService schemes,
            AuditTrail audit,
            TenantTransactions tx,
            JsonDocuments json,
            BusinessMetrics metrics,
            Clock clock) {
        this.metrics = metrics;
        this.decisions = decisions;
        this.viewer = viewer;
        this.prisoners = prisoners;
        this.prisonerFacts = prisonerFacts;
        this.schemes = schemes;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** The rules of the scheme in force propose a category from the prisoner's facts today. */
    Mono<DecisionView> propose(Caller caller, UUID prisonerId) {
        Tenant tenant = caller.tenant().orElseThrow();
        return tx.write(() -> prisoners
                .find(prisonerId)
                .flatMap(prisoner -> requireInCustody(prisoner)
                        .then(requireNoOpenDecision(prisonerId))
                        .then(schemes.compiledInForce(tenant))
                        .switchIfEmpty(Mono.error(() -> new UnprocessableException(
                                "No classification scheme has been published yet: nothing can propose a category.",
                                List.of())))
                        .flatMap(scheme -> prisonerFacts
                                .of(prisoner, tenant.today(clock))
                                .flatMap(facts -> decisions.save(proposal(caller, prisonerId, scheme, facts))))
                        .onErrorMap(DuplicateKeyException.class, e -> openDecisionExists())
                        .flatMap(saved -> viewer.facilityOf(prisoner).map(facility -> viewer.view(saved, facility)))
                        .flatMap(created -> audit.record(
                                        AuditEvent.created("CLASSIFICATION_PROPOSED", ENTITY, created.id(), created))
                                .thenReturn(created))));
    }

    /** A released person is no longer held anywhere: a category would place them nowhere. */
    private static Mono<Void> requireInCustody(Prisoner prisoner) {
        return prisoner.legalStatus() == LegalStatus.RELEASED
                ? Mono.error(new ConflictException("The prisoner has been released: no category is proposed."))
                : Mono.empty();
    }

    private DecisionEntity proposal(Caller caller, UUID prisonerId, PublishedScheme scheme, ClassificationFacts facts) {
        RuleEngine.Proposal proposal = scheme.propose(facts);
        if (proposal.category() == null) {
            throw new UnprocessableException(
                    "No rule of the classification scheme in force matched this prisoner; the country administrator"
                            + " should end the rules with a catch-all.",
                    List.of(),
                    Map.of("trace", proposal.trace()));
        }
        return DecisionEntity.proposed(
                UuidV7.next(),
                prisonerId,
                scheme.versionId(),
                json.write(facts),
                json.write(proposal.trace()),
                proposal.category(),
                Actor.of(caller),
                clock.instant());
    }

    /** The author submits the proposal as it is; it must still be allowed by every legal constraint. */
    Mono<DecisionView> accept(Caller caller, UUID id, long version) {
        return authorStep(
                caller,
                id,
                decision -> pinnedScheme(caller, decision).flatMap(scheme -> {
                    requireAllowed(caller, scheme, decision, decision.proposedCategory());
                    return decisions.save(
                            decision.submitted(version, decision.proposedCategory(), null, null, clock.instant()));
                }));
    }

    /** The author submits another category, with a reason and a narrative, if no legal constraint forbids it. */
    Mono<DecisionView> override(Caller caller, UUID id, OverrideClassification request) {
        return authorStep(
                caller,
                id,
                decision -> pinnedScheme(caller, decision).flatMap(scheme -> {
                    if (scheme.category(request.category()).isEmpty()) {
                        throw new UnprocessableException(
                                "Unknown category.",
                                List.of(new FieldError(
                                        "category", "is not a category of scheme version " + scheme.number())));
                    }
                    if (request.category().equals(decision.proposedCategory())) {
                        throw new UnprocessableException(
                                "This is the proposed category: accept the proposal instead of overriding it.",
                                List.of(new FieldError("category", "is the proposed category")));
                    }
                    requireAllowed(caller, scheme, decision, request.category());
                    return decisions.save(decision.submitted(
                            request.version(),
                            request.category(),
                            request.reason(),
                            request.narrative(),
                            clock.instant()));
                }));
    }

    /**
     * A supervisor who is not the author approves: the decision takes effect today (in the country's time zone), is
     * due for review after the category's interval, and becomes the prisoner's current classification. Only while the
     * prisoner's facts are still those the decision was proposed from: otherwise the supervisor would approve a
     * category for a prisoner who no longer exists as described (409; the author withdraws and proposes again).
     */
    Mono<DecisionView> approve(Caller caller, UUID id, ApproveClassification request) {
        Tenant tenant = caller.tenant().orElseThrow();
        return supervisorStep(
                        caller,
                        id,
                        "CLASSIFICATION_APPROVED",
                        decision -> requireFactsUnchanged(tenant, decision)
                                .then(pinnedScheme(caller, decision))
                                .flatMap(scheme -> {
                                    SchemeDefinition.Category category =
                                            scheme.category(decision.category()).orElseThrow();
                                    return decisions
                                            .save(decision.approved(
                                                    request.version(),
                                                    Actor.of(caller),
                                                    request.comment(),
                                                    tenant.today(clock),
                                                    category.reviewIntervalMonths(),
                                                    clock.instant()))
                                            .flatMap(approved -> prisoners
                                                    .classify(
                                                            approved.prisonerId(),
                                                            approved.category(),
                                                            approved.id(),
                                                            approved.nextReviewOn())
                                                    .thenReturn(approved));
                                }))
                .doOnNext(approved -> metrics.classificationApproved(
                        tenant, !approved.category().equals(approved.proposedCategory())));
    }

    /**
     * Recomputes the prisoner's facts as of the day of the proposal, so that only changes to the record count
     * (sentence, offences and their gravity, flags, date of birth, sex, a newer approved assessment), not the days
     * that passed since (age and remaining months counted from a later day). A release is refused outright.
     */
    private Mono<Void> requireFactsUnchanged(Tenant tenant, DecisionEntity decision) {
        return prisoners
                .find(decision.prisonerId())
                .flatMap(prisoner -> requireInCustody(prisoner)
                        .then(prisonerFacts.of(prisoner, tenant.dayOf(decision.proposedAt())))
                        .flatMap(current -> {
                            List<String> changed = changedFacts(viewer.facts(decision), current);
                            return changed.isEmpty()
                                    ? Mono.<Void>empty()
                                    : Mono.error(new ConflictException(
                                            "The prisoner's facts changed since this decision was proposed ("
                                                    + String.join(", ", changed)
                                                    + "): it cannot be approved as it stands. Reject it, or the author"
                                                    + " withdraws it and proposes again from the current facts.",
                                            Map.of("changedFacts", changed)));
                        }));
    }

    /** The parts of the facts that differ, by their names in the decision's {@code facts}. */
    static List<String> changedFacts(ClassificationFacts proposed, ClassificationFacts current) {
        Map<String, Boolean> same = new LinkedHashMap<>();
        same.put("prisoner", proposed.prisoner().equals(current.prisoner()));
        same.put("sentence", proposed.sentence().equals(current.sentence()));
        same.put("offences", proposed.offences().equals(current.offences()));
        same.put("flags", proposed.flags().equals(current.flags()));
        same.put("assessments", proposed.assessments().equals(current.assessments()));
        return same.entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** A supervisor who is not the author rejects, saying why; the prisoner's classification stays as it was. */
    Mono<DecisionView> reject(Caller caller, UUID id, RejectClassification request) {
        return supervisorStep(
                caller,
                id,
                "CLASSIFICATION_REJECTED",
                decision -> decisions.save(
                        decision.rejected(request.version(), Actor.of(caller), request.comment(), clock.instant())));
    }

    /** The author withdraws an open decision, so another can be proposed. */
    Mono<DecisionView> withdraw(Caller caller, UUID id, long version) {
        return step(caller, id, "CLASSIFICATION_WITHDRAWN", decision -> {
            FourEyes.requireAuthor(decision, caller);
            if (!DecisionStatus.OPEN.contains(decision.status())) {
                throw new ConflictException("The decision is " + decision.status() + "; only an open one (PROPOSED or"
                        + " SUBMITTED) can be withdrawn.");
            }
            return decisions.save(decision.withdrawn(version, clock.instant()));
        });
    }

    private Mono<DecisionView> authorStep(
            Caller caller, UUID id, Function<DecisionEntity, Mono<DecisionEntity>> change) {
        return step(caller, id, "CLASSIFICATION_SUBMITTED", decision -> {
            FourEyes.requireAuthor(decision, caller);
            requireStatus(decision, DecisionStatus.PROPOSED, "accepted or overridden");
            return change.apply(decision);
        });
    }

    private Mono<DecisionView> supervisorStep(
            Caller caller, UUID id, String action, Function<DecisionEntity, Mono<DecisionEntity>> change) {
        return step(caller, id, action, decision -> {
            FourEyes.requireMayDecide(decision, caller);
            requireStatus(decision, DecisionStatus.SUBMITTED, "approved or rejected");
            return change.apply(decision);
        });
    }

    /**
     * One step on an existing decision, in one transaction: find it (404), apply the change (which refuses by
     * throwing, before anything is written), and audit the states before and after.
     */
    private Mono<DecisionView> step(
            Caller caller, UUID id, String action, Function<DecisionEntity, Mono<DecisionEntity>> change) {
        return tx.write(() -> viewer.find(id)
                .flatMap(before -> viewer.facilityOf(before)
                        .flatMap(facility -> Mono.defer(() -> change.apply(before))
                                .flatMap(after -> {
                                    DecisionView beforeView = viewer.view(before, facility);
                                    DecisionView afterView = viewer.view(after, facility);
                                    return audit.record(AuditEvent.changed(action, ENTITY, id, beforeView, afterView))
                                            .thenReturn(afterView);
                                }))));
    }

    private Mono<PublishedScheme> pinnedScheme(Caller caller, DecisionEntity decision) {
        return schemes.compiledPublished(caller.tenant().orElseThrow(), decision.schemeVersionId());
    }

    /**
     * Refuses a category that breaks a legal constraint of the decision's scheme, with the facts the decision rests on.
     * Each error names the field {@code category} and the constraint; {@code violations} gives each constraint's
     * message in every language the country wrote it in.
     */
    private void requireAllowed(Caller caller, PublishedScheme scheme, DecisionEntity decision, String category) {
        List<RuleEngine.Violation> violations =
                scheme.violations(viewer.facts(decision), category, decision.proposedCategory());
        if (violations.isEmpty()) {
            return;
        }
        String language = caller.tenant().orElseThrow().defaultLanguage();
        throw new UnprocessableException(
                "The category breaks the legal constraints of the classification scheme; nothing was changed.",
                violations.stream()
                        .map(v -> new FieldError("category", v.constraint() + ": " + inLanguage(v.message(), language)))
                        .toList(),
                Map.of("violations", violations));
    }

    private static String inLanguage(Map<String, String> texts, String language) {
        String text = texts.get(language);
        return text != null ? text : texts.values().stream().findFirst().orElse("");
    }

    private Mono<Void> requireNoOpenDecision(UUID prisonerId) {
        return decisions
                .anyOf(prisonerId, DecisionStatus.OPEN)
                .flatMap(open -> open ? Mono.error(openDecisionExists()) : Mono.empty());
    }

    private static ConflictException openDecisionExists() {
        return new ConflictException("The prisoner has an open classification decision already: decide or withdraw it"
                + " before proposing another.");
    }

    private static void requireStatus(DecisionEntity decision, DecisionStatus expected, String what) {
        if (decision.statusValue() != expected) {
            throw new ConflictException(
                    "The decision is " + decision.status() + "; only a " + expected + " one can be " + what + ".");
        }
    }
}
