package org.custodia.assessment;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.assessment.AssessmentRequests.AnswerAssessment;
import org.custodia.assessment.AssessmentRequests.StartAssessment;
import org.custodia.audit.AuditEvent;
import org.custodia.audit.AuditTrail;
import org.custodia.methodology.VersionStatus;
import org.custodia.methodology.instrument.InstrumentDefinition.OverallMode;
import org.custodia.methodology.instrument.InstrumentService;
import org.custodia.methodology.instrument.Judgement;
import org.custodia.methodology.instrument.ScoringResult;
import org.custodia.methodology.instrument.ScoringVersion;
import org.custodia.prisoner.PrisonerRegister;
import org.custodia.security.Actor;
import org.custodia.security.Caller;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.ForbiddenException;
import org.custodia.shared.error.InvalidRequestException;
import org.custodia.shared.error.UnprocessableException;
import org.custodia.shared.idempotency.Idempotency;
import org.custodia.shared.idempotency.IdempotencyKey;
import org.custodia.shared.observability.BusinessMetrics;
import org.custodia.shared.persistence.UuidV7;
import org.custodia.shared.web.InboxCount;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The life of an assessment: started with a published instrument version (pinned for life), answered as the
 * assessor goes, submitted and scored on the server, then approved or returned by a supervisor who neither started
 * nor submitted it. Every change and every read is audited in its own transaction.
 */
@Service
public class AssessmentService {

    static final String ENTITY = "ASSESSMENT";
    static final String SUBMIT = "SUBMIT_ASSESSMENT";

    private final AssessmentStore store;
    private final PrisonerRegister prisoners;
    private final InstrumentService instruments;
    private final Idempotency idempotency;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final BusinessMetrics metrics;
    private final Clock clock;

    AssessmentService(
            AssessmentStore store,
            PrisonerRegister prisoners,
            InstrumentService instruments,
            Idempotency idempotency,
            TenantTransactions tx,
            AuditTrail audit,
            BusinessMetrics metrics,
            Clock clock) {
        this.metrics = metrics;
        this.store = store;
        this.prisoners = prisoners;
        this.instruments = instruments;
        this.idempotency = idempotency;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<AssessmentView> start(Caller caller, StartAssessment request) {
        Tenant tenant = caller.tenant().orElseThrow();
        return tx.write(() -> prisoners
                .find(request.prisonerId())
                .then(instruments
                        .scoringVersion(tenant, request.instrumentVersionId())
                        .onErrorMap(UnprocessableException.class, e -> notUsable("is a draft with problems")))
                .flatMap(version -> {
                    if (version.status() != VersionStatus.PUBLISHED) {
                        return Mono.error(notUsable("is " + version.status()));
                    }
                    Instant now = now();
                    Assessment started = new Assessment(
                            UuidV7.next(),
                            request.prisonerId(),
                            version.id(),
                            version.instrumentCode(),
                            AssessmentStatus.DRAFT,
                            Map.of(),
                            null,
                            null,
                            null,
                            0,
                            Actor.of(caller),
                            now,
                            null,
                            null,
                            null,
                            null,
                            null,
                            now);
                    AssessmentView view = AssessmentView.of(started, version.score(Map.of(), null));
                    return store.insert(started)
                            .then(audit.record(AuditEvent.created("ASSESSMENT_STARTED", ENTITY, started.id(), started)))
                            .thenReturn(view);
                }));
    }

    Mono<AssessmentView> read(Tenant tenant, UUID id) {
        return tx.write(() -> store.find(id)
                .flatMap(assessment -> view(tenant, assessment))
                .flatMap(view -> audit.record(AuditEvent.read("ASSESSMENT_VIEWED", ENTITY, id))
                        .thenReturn(view)));
    }

    /**
     * The assessments of the prisoner {@code p} of a statement, newest first and without answers, as one JSON column
     * (a sub-select): for the case file, which reads them beside the prisoner; each element is read with {@link
     * #summary(Readable)}.
     */
    public static final String SUMMARIES_OF_PRISONER_AS_JSON = "(select coalesce(json_agg(a order by a.started_at desc,"
            + " a.id desc), '[]') from (select " + AssessmentStore.SUMMARY_COLUMNS
            + " from assessment where prisoner_id = p.id) a)";

    /** One element of {@link #SUMMARIES_OF_PRISONER_AS_JSON}. */
    public static AssessmentSummary summary(Readable row) {
        return AssessmentStore.summary(row);
    }

    Mono<List<AssessmentSummary>> ofPrisoner(UUID prisonerId) {
        return tx.write(() -> prisoners
                .find(prisonerId)
                .then(store.ofPrisoner(prisonerId).collectList())
                .flatMap(list -> audit.record(AuditEvent.read("ASSESSMENTS_LISTED", "PRISONER", prisonerId))
                        .thenReturn(list)));
    }

    /** The country's submitted assessments, each marked whether {@code subject} may decide it. */
    Mono<AssessmentInbox> inbox(String subject, int page, int size) {
        return tx.write(() -> Mono.zip(
                        store.awaitingDecision(size, (long) page * size)
                                .map(submitted -> entry(submitted, subject))
                                .collectList(),
                        store.countAwaitingDecision())
                .flatMap(found -> {
                    AssessmentInbox inbox = new AssessmentInbox(found.getT1(), page, size, found.getT2());
                    Map<String, Object> shown = Map.of(
                            "shown",
                            inbox.items().stream()
                                    .map(AssessmentInbox.Entry::id)
                                    .toList());
                    return audit.record(new AuditEvent("ASSESSMENT_INBOX_VIEWED", ENTITY, null, null, shown))
                            .thenReturn(inbox);
                }));
    }

    /** How many assessments await a supervisor's decision in the country, as the inbox's {@code total} counts them. */
    Mono<InboxCount> waiting() {
        return tx.read(store::countAwaitingDecision).map(InboxCount::new);
    }

    /** Merges the answers given into those saved, after checking them against the pinned version. */
    Mono<AssessmentView> answer(Tenant tenant, UUID id, AnswerAssessment request) {
        Map<String, Object> patch = request.answers() == null ? Map.of() : request.answers();
        return tx.write(() -> store.find(id)
                .flatMap(before -> editable(before, request.version())
                        .then(instruments.scoringVersion(tenant, before.instrumentVersionId()))
                        .flatMap(version -> {
                            Map<String, Object> given = new LinkedHashMap<>();
                            List<FieldError> errors = new ArrayList<>();
                            patch.forEach((code, value) -> {
                                if (value != null) {
                                    given.put(code, value);
                                } else if (!version.hasItem(code)) {
                                    errors.add(new FieldError(
                                            "answers." + code, "this instrument has no item '" + code + "'"));
                                }
                            });
                            Judgement judgement =
                                    request.judgement() == null ? before.judgement() : judged(request.judgement());
                            errors.addAll(version.check(given, request.judgement() == null ? null : judgement));
                            errors.addAll(judgementProblems(version, request.judgement()));
                            if (!errors.isEmpty()) {
                                return Mono.error(
                                        new InvalidRequestException("Some answers do not fit the instrument.", errors));
                            }
                            Map<String, Object> answers = new LinkedHashMap<>(before.answers());
                            patch.forEach((code, value) -> {
                                if (value == null) {
                                    answers.remove(code);
                                } else {
                                    answers.put(code, value);
                                }
                            });
                            return store.saveAnswers(id, request.version(), answers, judgement, now())
                                    .flatMap(after -> audit.record(AuditEvent.changed(
                                                    "ASSESSMENT_ANSWERED",
                                                    ENTITY,
                                                    id,
                                                    answered(before, patch.keySet(), request.judgement() != null),
                                                    answered(after, patch.keySet(), request.judgement() != null)))
                                            .thenReturn(AssessmentView.of(
                                                    after, version.score(after.answers(), after.judgement()))));
                        })));
    }

    /**
     * Scores the saved answers and submits them, once per {@link IdempotencyKey}: a retry gets the first response
     * back (audited as a read), without scoring or submitting again.
     */
    Mono<Idempotency.Outcome<AssessmentView>> submit(
            Caller caller, UUID id, IdempotencyKey key, AssessmentRequests.SubmitAssessment request) {
        Tenant tenant = caller.tenant().orElseThrow();
        return tx.write(() -> idempotency
                        .once(
                                key,
                                new Idempotency.Request(SUBMIT, id, request),
                                AssessmentView.class,
                                () -> submitNow(tenant, Actor.of(caller), id, request.version()))
                        .flatMap(outcome -> outcome.replayed()
                                ? audit.record(AuditEvent.read("ASSESSMENT_SUBMISSION_REPLAYED", ENTITY, id))
                                        .thenReturn(outcome)
                                : Mono.just(outcome)))
                .doOnNext(outcome -> {
                    if (!outcome.replayed()) {
                        metrics.assessmentSubmitted(tenant);
                    }
                });
    }

    Mono<AssessmentView> approve(Caller caller, UUID id, long expectedVersion, String comment) {
        return decide(caller, id, expectedVersion, AssessmentStatus.APPROVED, comment);
    }

    Mono<AssessmentView> sendBack(Caller caller, UUID id, long expectedVersion, String comment) {
        return decide(caller, id, expectedVersion, AssessmentStatus.RETURNED, comment);
    }

    private Mono<AssessmentView> submitNow(Tenant tenant, Actor submitter, UUID id, long expectedVersion) {
        return store.find(id)
                .flatMap(before -> editable(before, expectedVersion)
                        .then(instruments.scoringVersion(tenant, before.instrumentVersionId()))
                        .flatMap(version -> {
                            ScoringResult scoring = version.score(before.answers(), before.judgement());
                            List<FieldError> problems = SubmissionCheck.problems(scoring, version.overallMode());
                            if (!problems.isEmpty()) {
                                return Mono.error(new UnprocessableException(
                                        "The assessment is not complete enough to submit.", problems));
                            }
                            return store.submit(id, expectedVersion, scoring, submitter, now())
                                    .flatMap(after -> audit.record(AuditEvent.changed(
                                                    "ASSESSMENT_SUBMITTED",
                                                    ENTITY,
                                                    id,
                                                    state(before),
                                                    submitted(after)))
                                            .thenReturn(AssessmentView.of(after, after.result())));
                        }));
    }

    private Mono<AssessmentView> decide(
            Caller caller, UUID id, long expectedVersion, AssessmentStatus decision, String comment) {
        Tenant tenant = caller.tenant().orElseThrow();
        String action = decision == AssessmentStatus.APPROVED ? "ASSESSMENT_APPROVED" : "ASSESSMENT_RETURNED";
        return tx.write(() -> store.find(id).flatMap(before -> {
            if (before.status() != AssessmentStatus.SUBMITTED) {
                return Mono.error(
                        new ConflictException("Only a submitted assessment can be approved or returned; this one is "
                                + before.status() + "."));
            }
            String notYours = before.whyNotDecidableBy(caller.subject());
            if (notYours != null) {
                return Mono.error(new ForbiddenException(notYours));
            }
            return requireVersion(before, expectedVersion)
                    .then(store.decide(id, expectedVersion, decision, Actor.of(caller), comment, now()))
                    .flatMap(after -> view(tenant, after).flatMap(view -> {
                        Map<String, Object> decided = state(after);
                        decided.put("comment", comment);
                        return audit.record(AuditEvent.changed(action, ENTITY, id, state(before), decided))
                                .thenReturn(view);
                    }));
        }));
    }

    /** Live scoring while editable; the stored scoring once submitted. */
    private Mono<AssessmentView> view(Tenant tenant, Assessment assessment) {
        if (!assessment.status().editable()) {
            return Mono.just(AssessmentView.of(assessment, assessment.result()));
        }
        return instruments
                .scoringVersion(tenant, assessment.instrumentVersionId())
                .map(version ->
                        AssessmentView.of(assessment, version.score(assessment.answers(), assessment.judgement())));
    }

    private static Mono<Void> editable(Assessment assessment, long expectedVersion) {
        if (!assessment.status().editable()) {
            return Mono.error(new ConflictException("This assessment is " + assessment.status()
                    + " and can no longer change; only a draft or a returned assessment can."));
        }
        return requireVersion(assessment, expectedVersion);
    }

    private static Mono<Void> requireVersion(Assessment assessment, long expectedVersion) {
        return assessment.version() == expectedVersion
                ? Mono.empty()
                : Mono.error(new ConflictException(
                        "Someone else changed this assessment first (version " + assessment.version() + ", not "
                                + expectedVersion + "). Reload it and apply your change again."));
    }

    /** An empty judgement ({@code {}}) clears the saved one. */
    private static Judgement judged(Judgement given) {
        return given.level() == null && given.rationale() == null ? null : given;
    }

    private static List<FieldError> judgementProblems(ScoringVersion version, Judgement given) {
        List<FieldError> problems = new ArrayList<>();
        if (given == null) {
            return problems;
        }
        if (version.overallMode() == OverallMode.FORMULA && judged(given) != null) {
            problems.add(new FieldError("judgement", "this instrument's rating is a formula: it takes no judgement"));
        }
        if (given.rationale() != null && given.rationale().length() > AssessmentRequests.MAX_TEXT) {
            problems.add(new FieldError(
                    "judgement.rationale", "must be at most " + AssessmentRequests.MAX_TEXT + " characters"));
        }
        return problems;
    }

    private static UnprocessableException notUsable(String why) {
        return new UnprocessableException(
                "Assessments use a published instrument version.",
                List.of(new FieldError("instrumentVersionId", why + ": only a PUBLISHED version can be used")));
    }

    private static AssessmentInbox.Entry entry(AssessmentStore.Submitted submitted, String subject) {
        Assessment a = submitted.assessment();
        String reason = a.whyNotDecidableBy(subject);
        return new AssessmentInbox.Entry(
                a.id(),
                a.prisonerId(),
                submitted.prisonerNumber(),
                submitted.familyName(),
                submitted.givenNames(),
                a.instrumentCode(),
                a.overallLevel(),
                a.version(),
                a.startedBy(),
                a.submittedBy(),
                a.submittedAt(),
                reason == null,
                reason);
    }

    /** For the audit trail: the answers this change touched, and the judgement if it was given. */
    private static Map<String, Object> answered(Assessment assessment, Iterable<String> codes, boolean judgement) {
        Map<String, Object> answers = new LinkedHashMap<>();
        codes.forEach(code -> answers.put(code, assessment.answers().get(code)));
        Map<String, Object> state = state(assessment);
        state.put("answers", answers);
        if (judgement) {
            state.put("judgement", assessment.judgement());
        }
        return state;
    }

    private static Map<String, Object> submitted(Assessment assessment) {
        Map<String, Object> state = state(assessment);
        state.put("overallLevel", assessment.overallLevel());
        state.put("result", assessment.result());
        return state;
    }

    private static Map<String, Object> state(Assessment assessment) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", assessment.status());
        state.put("version", assessment.version());
        return state;
    }

    /** Micro-second precision is what timestamptz keeps, so a response and a later read agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
