package org.custodia.planning;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodia.assessment.AssessedNeed;
import org.custodia.assessment.AssessmentNeeds;
import org.custodia.audit.AuditEvent;
import org.custodia.audit.AuditTrail;
import org.custodia.methodology.catalogue.CatalogueService;
import org.custodia.methodology.catalogue.Programme;
import org.custodia.methodology.scheme.RuleEngine;
import org.custodia.methodology.scheme.SchemeService;
import org.custodia.planning.ProposalOutcome.Outcome;
import org.custodia.prisoner.LegalStatus;
import org.custodia.prisoner.PrisonerFacts;
import org.custodia.prisoner.PrisonerRegister;
import org.custodia.review.ReviewTriggers;
import org.custodia.review.TriggerForm;
import org.custodia.review.TriggerKind;
import org.custodia.security.Actor;
import org.custodia.security.Caller;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.NotFoundException;
import org.custodia.shared.error.UnprocessableException;
import org.custodia.shared.persistence.UuidV7;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Programme referrals: proposed from the needs approved assessments found, to the programmes of the country's
 * catalogue that address them and whose eligibility holds; then accepted or declined, started, completed or dropped.
 */
@Service
public class Referrals {

    private static final String ENTITY = "REFERRAL";
    private static final Set<ReferralStatus> OPEN =
            Set.of(ReferralStatus.PROPOSED, ReferralStatus.REFERRED, ReferralStatus.STARTED);

    private final DatabaseClient db;
    private final TenantTransactions tx;
    private final PrisonerRegister prisoners;
    private final PrisonerFacts facts;
    private final SchemeService schemes;
    private final CatalogueService catalogue;
    private final AssessmentNeeds needs;
    private final ProgrammeEligibility eligibility;
    private final ReviewTriggers triggers;
    private final AuditTrail audit;
    private final Clock clock;

    Referrals(
            DatabaseClient db,
            TenantTransactions tx,
            PrisonerRegister prisoners,
            PrisonerFacts facts,
            SchemeService schemes,
            CatalogueService catalogue,
            AssessmentNeeds needs,
            ProgrammeEligibility eligibility,
            ReviewTriggers triggers,
            AuditTrail audit,
            Clock clock) {
        this.db = db;
        this.tx = tx;
        this.prisoners = prisoners;
        this.facts = facts;
        this.schemes = schemes;
        this.catalogue = catalogue;
        this.needs = needs;
        this.eligibility = eligibility;
        this.triggers = triggers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * For each programme of the catalogue, in its order, that addresses a need found: proposes a referral unless one is
     * open already or one from the same assessment was decided. Proposing again therefore changes nothing.
     */
    Mono<List<ProposalOutcome>> propose(Caller caller, UUID prisonerId) {
        LocalDate today = caller.tenant().orElseThrow().today(clock);
        return tx.write(() -> prisoners.find(prisonerId).flatMap(prisoner -> {
            if (prisoner.legalStatus() == LegalStatus.RELEASED) {
                return Mono.error(new ConflictException("The prisoner has been released: no referral is proposed."));
            }
            return Mono.zip(
                            facts.of(prisoner, today),
                            schemes.categoriesInForce(),
                            catalogue.programmes(),
                            needs.ofPrisoner(prisonerId).collectList(),
                            referrals(prisonerId))
                    .flatMap(known -> {
                        Map<String, Object> variables = RuleEngine.variables(known.getT2(), known.getT1());
                        List<AssessedNeed> found = known.getT4();
                        List<Referral> existing = known.getT5();
                        return Flux.fromIterable(known.getT3().programmes())
                                .concatMap(programme -> Mono.justOrEmpty(match(programme, found))
                                        .flatMap(need ->
                                                outcome(caller, prisonerId, programme, need, existing, variables)))
                                .collectList()
                                .flatMap(outcomes -> audit.record(AuditEvent.created(
                                                "REFERRALS_PROPOSED",
                                                "PRISONER",
                                                prisonerId,
                                                proposalRecord(found, outcomes)))
                                        .thenReturn(outcomes));
                    });
        }));
    }

    /** The prisoner's referrals, oldest first; the read is audited. */
    Mono<List<Referral>> list(UUID prisonerId) {
        return tx.write(() -> prisoners
                .find(prisonerId)
                .then(referrals(prisonerId))
                .flatMap(found -> audit.record(AuditEvent.read("REFERRALS_VIEWED", "PRISONER", prisonerId))
                        .thenReturn(found)));
    }

    Mono<Referral> change(Caller caller, UUID id, ReferralStatusChange change) {
        if (change.status() == ReferralStatus.DECLINED
                && (change.reason() == null || change.reason().isBlank())) {
            return Mono.error(new UnprocessableException(
                    "A referral is declined with a reason.",
                    List.of(new FieldError("reason", "is required to decline"))));
        }
        if (change.triggersReview() && change.status() != ReferralStatus.COMPLETED) {
            return Mono.error(new UnprocessableException(
                    "Only completing a programme can trigger a review.",
                    List.of(new FieldError("triggerReview", "is only allowed with status COMPLETED"))));
        }
        return tx.write(() -> find(id).flatMap(before -> {
            if (before.version() != change.version()) {
                return Mono.error(new ConflictException(
                        "Someone else changed this referral first. Reload it and apply your change again."));
            }
            if (!before.status().mayBecome(change.status())) {
                return Mono.error(new ConflictException(
                        "A referral that is " + before.status() + " cannot become " + change.status() + "."));
            }
            DatabaseClient.GenericExecuteSpec update = db.sql("update referral set status = :status,"
                            + " reason = coalesce(:reason, reason), version = version + 1, updated_by = :by,"
                            + " updated_by_name = :byName, updated_at = :now where id = :id and version = :version")
                    .bind("id", id)
                    .bind("version", change.version())
                    .bind("status", change.status().name())
                    .bind("by", caller.subject())
                    .bind("byName", Actor.of(caller).username())
                    .bind("now", clock.instant());
            String reason = change.reason() == null || change.reason().isBlank() ? null : change.reason();
            update = update.bind("reason", Parameter.fromOrEmpty(reason, String.class));
            return update.fetch()
                    .rowsUpdated()
                    .flatMap(updated -> updated == 1
                            ? Mono.<Void>empty()
                            : Mono.error(new ConflictException(
                                    "Someone else changed this referral first. Reload it and apply your change"
                                            + " again.")))
                    .then(Mono.defer(() -> change.triggersReview()
                            ? triggers.record(
                                            caller,
                                            before.prisonerId(),
                                            new TriggerForm(
                                                    TriggerKind.PROGRAMME_COMPLETION,
                                                    "Completed programme " + before.programmeCode(),
                                                    null))
                                    .then()
                            : Mono.<Void>empty()))
                    .then(Mono.defer(() -> find(id)))
                    .flatMap(after -> audit.record(AuditEvent.changed(
                                    "REFERRAL_" + after.status().name(), ENTITY, id, before, after))
                            .thenReturn(after));
        }));
    }

    /** The first of the programme's needs that was found, with the most recently approved assessment that found it. */
    private static Optional<AssessedNeed> match(Programme programme, List<AssessedNeed> found) {
        for (String need : programme.needs()) {
            for (AssessedNeed candidate : found) {
                if (candidate.need().equals(need)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private Mono<ProposalOutcome> outcome(
            Caller caller,
            UUID prisonerId,
            Programme programme,
            AssessedNeed need,
            List<Referral> existing,
            Map<String, Object> variables) {
        Optional<Referral> open = openTo(programme, existing);
        if (open.isPresent()) {
            return Mono.just(outcome(programme, need, Outcome.ALREADY_OPEN, open.get(), null));
        }
        if (existing.stream()
                .anyMatch(r -> r.programmeCode().equals(programme.code())
                        && r.assessmentId().equals(need.assessmentId()))) {
            return Mono.just(outcome(programme, need, Outcome.ALREADY_DECIDED, null, null));
        }
        ProgrammeEligibility.Verdict verdict = eligibility.of(programme, variables);
        if (!verdict.eligible()) {
            return Mono.just(outcome(programme, need, Outcome.NOT_ELIGIBLE, null, verdict.error()));
        }
        UUID id = UuidV7.next();
        Instant now = clock.instant();
        return db.sql("insert into referral (id, prisoner_id, programme_code, need, assessment_id, status, version,"
                        + " created_at, updated_by, updated_by_name, updated_at) values (:id, :prisoner, :programme,"
                        + " :need, :assessment, 'PROPOSED', 0, :now, :by, :byName, :now)"
                        + " on conflict (tenant_id, prisoner_id, programme_code)"
                        + " where status in ('PROPOSED', 'REFERRED', 'STARTED') do nothing")
                .bind("id", id)
                .bind("prisoner", prisonerId)
                .bind("programme", programme.code())
                .bind("need", need.need())
                .bind("assessment", need.assessmentId())
                .bind("now", now)
                .bind("by", caller.subject())
                .bind("byName", Actor.of(caller).username())
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 1
                        ? find(id).flatMap(created -> audit.record(
                                        AuditEvent.created("REFERRAL_PROPOSED", ENTITY, id, created))
                                .thenReturn(outcome(programme, need, Outcome.PROPOSED, created, null)))
                        // Someone else proposed it a moment ago.
                        : referrals(prisonerId)
                                .map(current -> outcome(
                                        programme,
                                        need,
                                        Outcome.ALREADY_OPEN,
                                        openTo(programme, current).orElse(null),
                                        null)));
    }

    private static Optional<Referral> openTo(Programme programme, List<Referral> referrals) {
        return referrals.stream()
                .filter(r -> r.programmeCode().equals(programme.code()) && OPEN.contains(r.status()))
                .findFirst();
    }

    private static ProposalOutcome outcome(
            Programme programme, AssessedNeed need, Outcome outcome, Referral referral, String error) {
        return new ProposalOutcome(programme.code(), need.need(), need.assessmentId(), outcome, referral, error);
    }

    /** What the audit keeps of a proposal: which assessments were read and what came of each programme. */
    private static Map<String, Object> proposalRecord(List<AssessedNeed> found, List<ProposalOutcome> outcomes) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put(
                "assessments",
                found.stream().map(AssessedNeed::assessmentId).distinct().toList());
        record.put(
                "outcomes",
                outcomes.stream()
                        .map(o -> Map.of(
                                "programme",
                                o.programmeCode(),
                                "outcome",
                                o.outcome().name()))
                        .toList());
        return record;
    }

    /**
     * The referrals of the prisoner {@code p} of a statement, oldest first, as one JSON column (a sub-select): for the
     * case file, which reads them beside the prisoner; each element is read with {@link #referral(Readable)}.
     */
    public static final String OF_PRISONER_AS_JSON = "(select coalesce(json_agg(r order by r.created_at, r.id), '[]')"
            + " from referral r where r.prisoner_id = p.id)";

    /** The prisoner's referrals, oldest first, in the caller's transaction. */
    private Mono<List<Referral>> referrals(UUID prisonerId) {
        return db.sql("select * from referral where prisoner_id = :prisoner order by created_at, id")
                .bind("prisoner", prisonerId)
                .map(Referrals::referral)
                .all()
                .collectList();
    }

    private Mono<Referral> find(UUID id) {
        return db.sql("select * from referral where id = :id")
                .bind("id", id)
                .map(Referrals::referral)
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such referral.")));
    }

    public static Referral referral(Readable row) {
        return new Referral(
                row.get("id", UUID.class),
                row.get("prisoner_id", UUID.class),
                row.get("programme_code", String.class),
                row.get("need", String.class),
                row.get("assessment_id", UUID.class),
                ReferralStatus.valueOf(row.get("status", String.class)),
                row.get("reason", String.class),
                row.get("version", Long.class),
                row.get("created_at", Instant.class),
                row.get("updated_by", String.class),
                row.get("updated_by_name", String.class),
                row.get("updated_at", Instant.class));
    }
}
