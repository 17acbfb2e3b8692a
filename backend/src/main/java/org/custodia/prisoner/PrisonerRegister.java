package org.custodia.prisoner;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.custodia.audit.AuditEvent;
import org.custodia.audit.AuditTrail;
import org.custodia.facility.FacilityService;
import org.custodia.methodology.scheme.SchemeService;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.InvalidRequestException;
import org.custodia.shared.error.NotFoundException;
import org.custodia.shared.error.UnprocessableException;
import org.custodia.shared.persistence.UuidV7;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The prisoner register: registering, changing, finding and reading prisoners. Every read of a record and every search
 * is audited, like every change, because each shows a person to someone.
 */
@Service
public class PrisonerRegister {

    static final String ENTITY = "PRISONER";

    private static final String COLUMNS = "select p.*, (p.current_category is not null"
            + " and not (p.current_category = any(f.categories))) as transfer_needed";
    private static final String FROM = " from prisoner p join facility f on f.id = p.facility_id";
    private static final String SELECT = COLUMNS + FROM;

    private final DatabaseClient db;
    private final TenantTransactions tx;
    private final FacilityService facilities;
    private final SchemeService schemes;
    private final AuditTrail audit;
    private final Clock clock;

    PrisonerRegister(
            DatabaseClient db,
            TenantTransactions tx,
            FacilityService facilities,
            SchemeService schemes,
            AuditTrail audit,
            Clock clock) {
        this.db = db;
        this.tx = tx;
        this.facilities = facilities;
        this.schemes = schemes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The prisoner, read in the caller's transaction and not audited: for the cycle's own steps, which audit theirs. */
    public Mono<Prisoner> find(UUID id) {
        return db.sql(SELECT + " where p.id = :id")
                .bind("id", id)
                .map(PrisonerRegister::prisoner)
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such prisoner.")));
    }

    /**
     * The prisoner and more of what concerns them, in one statement: {@code moreColumns} are computed over the
     * prisoner {@code p} and their facility {@code f} (sub-selects, say), and {@code assemble} reads them from the same
     * row. Read in the caller's transaction and not audited, like {@link #find(UUID)}; 404 likewise.
     */
    public <T> Mono<T> find(UUID id, String moreColumns, BiFunction<Prisoner, Readable, T> assemble) {
        return db.sql(COLUMNS + ", " + moreColumns + FROM + " where p.id = :id")
                .bind("id", id)
                .map(row -> assemble.apply(prisoner(row), row))
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such prisoner.")));
    }

    /**
     * Records an approved classification on the prisoner: their current category and the date of the next review. Runs
     * in the caller's transaction, which audits the decision.
     */
    public Mono<Void> classify(UUID id, String category, UUID decisionId, LocalDate nextReviewOn) {
        return db.sql("update prisoner set current_category = :category, current_decision_id = :decision,"
                        + " next_review_on = :review, version = version + 1, updated_at = :now where id = :id")
                .bind("id", id)
                .bind("category", category)
                .bind("decision", decisionId)
                .bind("review", nextReviewOn)
                .bind("now", clock.instant())
                .then();
    }

    /** Brings the next review forward to {@code dueOn} (never later than it already is), in the caller's transaction. */
    public Mono<Void> reviewDueBy(UUID id, LocalDate dueOn) {
        return db.sql("update prisoner set next_review_on = least(coalesce(next_review_on, :due), :due),"
                        + " version = version + 1, updated_at = :now where id = :id")
                .bind("id", id)
                .bind("due", dueOn)
                .bind("now", clock.instant())
                .then();
    }

    Mono<Prisoner> read(UUID id) {
        return tx.write(() -> find(id).flatMap(prisoner ->
                audit.record(AuditEvent.read("PRISONER_VIEWED", ENTITY, id)).thenReturn(prisoner)));
    }

    Mono<Prisoner> register(PrisonerForm form) {
        UUID id = UuidV7.next();
        return tx.write(() -> check(form)
                .then(Mono.defer(() -> {
                    Instant now = clock.instant();
                    return bindDetails(
                                    db.sql("insert into prisoner (id, number, family_name, given_names, date_of_birth,"
                                            + " sex, citizenship, facility_id, legal_status, admitted_on,"
                                            + " sentence_start, expected_release, sentence_months, life_sentence,"
                                            + " court_regime, offences, flags, version, created_at, updated_at)"
                                            + " values (:id, :number, :familyName, :givenNames, :dateOfBirth, :sex,"
                                            + " :citizenship, :facilityId, :legalStatus, :admittedOn, :sentenceStart,"
                                            + " :expectedRelease, :sentenceMonths, :life, :courtRegime, :offences,"
                                            + " :flags, 0, :now, :now)"),
                                    form)
                            .bind("id", id)
                            .bind("now", now)
                            .then();
                }))
                .onErrorMap(DuplicateKeyException.class, e -> duplicateNumber())
                .then(Mono.defer(() -> find(id)))
                .flatMap(created -> audit.record(AuditEvent.created("PRISONER_REGISTERED", ENTITY, id, created))
                        .thenReturn(created)));
    }

    Mono<Prisoner> update(UUID id, PrisonerForm form) {
        if (form.version() == null) {
            return Mono.error(new InvalidRequestException(
                    "The version read is needed to change a prisoner's record.",
                    List.of(new FieldError("version", "must be the version you read"))));
        }
        return tx.write(() -> find(id).flatMap(before -> check(form)
                .then(Mono.defer(() -> bindDetails(
                                db.sql("update prisoner set number = :number, family_name = :familyName,"
                                        + " given_names = :givenNames, date_of_birth = :dateOfBirth, sex = :sex,"
                                        + " citizenship = :citizenship, facility_id = :facilityId,"
                                        + " legal_status = :legalStatus, admitted_on = :admittedOn,"
                                        + " sentence_start = :sentenceStart, expected_release = :expectedRelease,"
                                        + " sentence_months = :sentenceMonths, life_sentence = :life,"
                                        + " court_regime = :courtRegime, offences = :offences, flags = :flags,"
                                        + " version = version + 1, updated_at = :now"
                                        + " where id = :id and version = :version"),
                                form)
                        .bind("id", id)
                        .bind("version", form.version())
                        .bind("now", clock.instant())
                        .fetch()
                        .rowsUpdated()))
                .flatMap(updated -> updated == 1
                        ? find(id)
                        : Mono.error(new ConflictException(
                                "Someone else changed this record first. Reload it and apply your change again.")))
                .onErrorMap(DuplicateKeyException.class, e -> duplicateNumber())
                .flatMap(after -> audit.record(AuditEvent.changed("PRISONER_CHANGED", ENTITY, id, before, after))
                        .thenReturn(after))));
    }

    Mono<PrisonerPage> search(PrisonerQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        if (query.text() != null && !query.text().isBlank()) {
            String text = query.text()
                    .strip()
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            where.add("(p.number ilike :prefix or (p.family_name || ' ' || p.given_names) ilike :part)");
            binds.put("prefix", text + "%");
            binds.put("part", "%" + text + "%");
        }
        if (query.facilityId() != null) {
            where.add("p.facility_id = :facility");
            binds.put("facility", query.facilityId());
        }
        if (query.category() != null) {
            where.add("p.current_category = :category");
            binds.put("category", query.category());
        }
        if (query.reviewDueBy() != null) {
            where.add("p.next_review_on <= :dueBy");
            binds.put("dueBy", query.reviewDueBy());
        }
        if (query.legalStatus() != null) {
            where.add("p.legal_status = :status");
            binds.put("status", query.legalStatus().name());
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        return tx.write(() -> Mono.zip(
                        bindAll(
                                        db.sql(
                                                SELECT + filter
                                                        + " order by p.family_name, p.given_names, p.id limit :limit offset :offset"),
                                        binds)
                                .bind("limit", query.size())
                                .bind("offset", (long) query.page() * query.size())
                                .map(PrisonerRegister::summary)
                                .all()
                                .collectList(),
                        bindAll(db.sql("select count(*) as total from prisoner p" + filter), binds)
                                .map(row -> row.get("total", Long.class))
                                .one())
                .flatMap(found -> {
                    PrisonerPage page = new PrisonerPage(found.getT1(), query.page(), query.size(), found.getT2());
                    Map<String, Object> shown = new LinkedHashMap<>();
                    shown.put("query", query);
                    shown.put(
                            "shown",
                            page.items().stream().map(PrisonerSummary::id).toList());
                    return audit.record(new AuditEvent("PRISONERS_SEARCHED", ENTITY, null, null, shown))
                            .thenReturn(page);
                }));
    }

    /**
     * Rules the annotations cannot say: the facility, offences and court-ordered regime exist in this country, and the
     * sentence fits the legal status.
     */
    private Mono<Void> check(PrisonerForm form) {
        List<FieldError> errors = new ArrayList<>();
        checkDates(form, errors);
        Mono<Set<String>> offenceCodes = db.sql("select code from offence")
                .map(row -> row.get("code", String.class))
                .all()
                .collect(HashSet::new, Set::add);
        return Mono.zip(
                        offenceCodes,
                        schemes.categoriesInForce(),
                        facilities.find(form.facilityId()).hasElement().onErrorReturn(NotFoundException.class, false))
                .flatMap(known -> {
                    Set<String> seen = new HashSet<>();
                    for (int i = 0; i < form.offences().size(); i++) {
                        String code = form.offences().get(i);
                        if (!known.getT1().contains(code)) {
                            errors.add(
                                    new FieldError("offences[" + i + "]", "'" + code + "' is not in the offence list"));
                        } else if (!seen.add(code)) {
                            errors.add(new FieldError("offences[" + i + "]", "'" + code + "' is listed twice"));
                        }
                    }
                    if (form.sentence() != null
                            && form.sentence().courtRegime() != null
                            && !known.getT2().containsKey(form.sentence().courtRegime())) {
                        errors.add(new FieldError(
                                "sentence.courtRegime", "is not a category of the classification scheme in force"));
                    }
                    if (!known.getT3()) {
                        errors.add(new FieldError("facilityId", "is not a facility of this country"));
                    }
                    if (form.flags().size() != Set.copyOf(form.flags()).size()) {
                        errors.add(new FieldError("flags", "lists a flag twice"));
                    }
                    return errors.isEmpty()
                            ? Mono.<Void>empty()
                            : Mono.error(new UnprocessableException("The record is not consistent.", errors));
                });
    }

    private void checkDates(PrisonerForm form, List<FieldError> errors) {
        if (form.admittedOn().isBefore(form.dateOfBirth())) {
            errors.add(new FieldError("admittedOn", "is before the date of birth"));
        }
        Sentence sentence = form.sentence();
        if (sentence == null) {
            if (form.legalStatus() == LegalStatus.SENTENCED) {
                errors.add(new FieldError("sentence", "is required for a sentenced prisoner"));
            }
            return;
        }
        if (form.legalStatus() == LegalStatus.REMAND) {
            errors.add(new FieldError("sentence", "must be absent while the prisoner is on remand"));
        }
        if (sentence.life()) {
            if (sentence.lengthMonths() != null) {
                errors.add(new FieldError("sentence.lengthMonths", "must be absent for a life sentence"));
            }
            if (sentence.expectedRelease() != null) {
                errors.add(new FieldError("sentence.expectedRelease", "must be absent for a life sentence"));
            }
            return;
        }
        if (sentence.lengthMonths() == null) {
            errors.add(new FieldError("sentence.lengthMonths", "is required unless the sentence is for life"));
        }
        if (sentence.expectedRelease() == null) {
            errors.add(new FieldError("sentence.expectedRelease", "is required unless the sentence is for life"));
        } else if (!sentence.expectedRelease().isAfter(sentence.start())) {
            errors.add(new FieldError("sentence.expectedRelease", "must be after the sentence's start"));
        }
    }

    private static DatabaseClient.GenericExecuteSpec bindDetails(
            DatabaseClient.GenericExecuteSpec spec, PrisonerForm form) {
        Sentence sentence = form.sentence();
        spec = spec.bind("number", form.number())
                .bind("familyName", form.familyName())
                .bind("givenNames", form.givenNames())
                .bind("dateOfBirth", form.dateOfBirth())
                .bind("sex", form.sex())
                .bind("citizenship", form.citizenship())
                .bind("facilityId", form.facilityId())
                .bind("legalStatus", form.legalStatus().name())
                .bind("admittedOn", form.admittedOn())
                .bind("life", sentence != null && sentence.life())
                .bind("offences", form.offences().toArray(String[]::new))
                .bind("flags", form.flags().toArray(String[]::new));
        return spec.bind(
                        "sentenceStart",
                        Parameter.fromOrEmpty(sentence == null ? null : sentence.start(), LocalDate.class))
                .bind(
                        "expectedRelease",
                        Parameter.fromOrEmpty(sentence == null ? null : sentence.expectedRelease(), LocalDate.class))
                .bind(
                        "sentenceMonths",
                        Parameter.fromOrEmpty(sentence == null ? null : sentence.lengthMonths(), Integer.class))
                .bind(
                        "courtRegime",
                        Parameter.fromOrEmpty(sentence == null ? null : sentence.courtRegime(), String.class));
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(
            DatabaseClient.GenericExecuteSpec spec, Map<String, Object> binds) {
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec;
    }

    private static ConflictException duplicateNumber() {
        return new ConflictException("A prisoner with this number is registered already.");
    }

    private static Prisoner prisoner(Readable row) {
        LocalDate start = row.get("sentence_start", LocalDate.class);
        Sentence sentence = start == null
                ? null
                : new Sentence(
                        start,
                        row.get("expected_release", LocalDate.class),
                        row.get("sentence_months", Integer.class),
                        Boolean.TRUE.equals(row.get("life_sentence", Boolean.class)),
                        row.get("court_regime", String.class));
        return new Prisoner(
                row.get("id", UUID.class),
                row.get("number", String.class),
                row.get("family_name", String.class),
                row.get("given_names", String.class),
                row.get("date_of_birth", LocalDate.class),
                row.get("sex", String.class),
                row.get("citizenship", String.class),
                row.get("facility_id", UUID.class),
                LegalStatus.valueOf(row.get("legal_status", String.class)),
                row.get("admitted_on", LocalDate.class),
                sentence,
                Arrays.asList(row.get("offences", String[].class)),
                Arrays.asList(row.get("flags", String[].class)),
                row.get("current_category", String.class),
                row.get("current_decision_id", UUID.class),
                row.get("next_review_on", LocalDate.class),
                Boolean.TRUE.equals(row.get("transfer_needed", Boolean.class)),
                row.get("version", Long.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    private static PrisonerSummary summary(Readable row) {
        return new PrisonerSummary(
                row.get("id", UUID.class),
                row.get("number", String.class),
                row.get("family_name", String.class),
                row.get("given_names", String.class),
                row.get("facility_id", UUID.class),
                LegalStatus.valueOf(row.get("legal_status", String.class)),
                row.get("current_category", String.class),
                row.get("next_review_on", LocalDate.class),
                Boolean.TRUE.equals(row.get("transfer_needed", Boolean.class)));
    }
}
