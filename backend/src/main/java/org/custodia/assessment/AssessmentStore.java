package org.custodia.assessment;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.custodia.methodology.instrument.Judgement;
import org.custodia.methodology.instrument.ScoringResult;
import org.custodia.security.Actor;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.NotFoundException;
import org.custodia.shared.persistence.JsonDocuments;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * The {@code assessment} table. Every change names the version it expects and the statuses it may start from, so a
 * concurrent change makes it touch no row, which becomes a 409 and loses nothing. Runs in the caller's transaction.
 */
@Component
class AssessmentStore {

    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {};
    private static final String EDITABLE = "('DRAFT', 'RETURNED')";
    static final String SUMMARY_COLUMNS = "id, instrument_version_id, instrument_code, status, overall_level, version,"
            + " started_at, submitted_at, decided_at";

    private final DatabaseClient db;
    private final JsonDocuments json;

    AssessmentStore(DatabaseClient db, JsonDocuments json) {
        this.db = db;
        this.json = json;
    }

    Mono<Void> insert(Assessment assessment) {
        return db.sql("insert into assessment (id, prisoner_id, instrument_version_id, instrument_code, status,"
                        + " answers, version, started_by, started_by_name, started_at, updated_at) values (:id, :prisoner,"
                        + " :instrumentVersion, :instrumentCode, :status, :answers, :version, :startedBy, :startedByName,"
                        + " :startedAt, :startedAt)")
                .bind("id", assessment.id())
                .bind("prisoner", assessment.prisonerId())
                .bind("instrumentVersion", assessment.instrumentVersionId())
                .bind("instrumentCode", assessment.instrumentCode())
                .bind("status", assessment.status().name())
                .bind("answers", json.write(assessment.answers()))
                .bind("version", assessment.version())
                .bind("startedBy", assessment.startedBy().subject())
                .bind("startedByName", assessment.startedBy().username())
                .bind("startedAt", assessment.startedAt())
                .then();
    }

    Mono<Assessment> find(UUID id) {
        return db.sql("select * from assessment where id = :id")
                .bind("id", id)
                .map(this::assessment)
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such assessment.")));
    }

    Mono<Assessment> saveAnswers(
            UUID id, long expectedVersion, Map<String, Object> answers, Judgement judgement, Instant now) {
        DatabaseClient.GenericExecuteSpec update = db.sql("update assessment set answers = :answers,"
                        + " judgement = :judgement, version = version + 1, updated_at = :now"
                        + " where id = :id and version = :version and status in " + EDITABLE + " returning *")
                .bind("answers", json.write(answers));
        update = update.bind(
                "judgement", Parameter.fromOrEmpty(judgement == null ? null : json.write(judgement), Json.class));
        return exactlyOne(update, id, expectedVersion, now);
    }

    Mono<Assessment> submit(UUID id, long expectedVersion, ScoringResult result, Actor submittedBy, Instant now) {
        DatabaseClient.GenericExecuteSpec update = db.sql("update assessment set status = 'SUBMITTED',"
                        + " result = :result, overall_level = :level, submitted_by = :by, submitted_by_name = :byName,"
                        + " submitted_at = :now, decided_by = null, decided_by_name = null, decided_at = null,"
                        + " decision_comment = null, version = version + 1, updated_at = :now"
                        + " where id = :id and version = :version and status in " + EDITABLE + " returning *")
                .bind("result", json.write(result))
                .bind("by", submittedBy.subject())
                .bind("byName", submittedBy.username());
        String level = result.overall().level();
        update = update.bind("level", Parameter.fromOrEmpty(level, String.class));
        return exactlyOne(update, id, expectedVersion, now);
    }

    /**
     * Approves or returns a submitted assessment. A returned one loses its stored scoring: it is editable again and
     * will be scored anew when resubmitted (the audit trail keeps what was returned).
     */
    Mono<Assessment> decide(
            UUID id, long expectedVersion, AssessmentStatus decision, Actor decidedBy, String comment, Instant now) {
        String clearResult = decision == AssessmentStatus.RETURNED ? ", result = null, overall_level = null" : "";
        DatabaseClient.GenericExecuteSpec update = db.sql("update assessment set status = :status,"
                        + " decided_by = :by, decided_by_name = :byName, decided_at = :now,"
                        + " decision_comment = :comment" + clearResult + ", version = version + 1, updated_at = :now"
                        + " where id = :id and version = :version and status = 'SUBMITTED' returning *")
                .bind("status", decision.name())
                .bind("by", decidedBy.subject())
                .bind("byName", decidedBy.username());
        update = update.bind("comment", Parameter.fromOrEmpty(comment, String.class));
        return exactlyOne(update, id, expectedVersion, now);
    }

    /** A prisoner's assessments, newest first. */
    Flux<AssessmentSummary> ofPrisoner(UUID prisonerId) {
        return db.sql("select " + SUMMARY_COLUMNS + " from assessment where prisoner_id = :prisoner"
                        + " order by started_at desc, id desc")
                .bind("prisoner", prisonerId)
                .map(AssessmentStore::summary)
                .all();
    }

    static AssessmentSummary summary(Readable row) {
        return new AssessmentSummary(
                row.get("id", UUID.class),
                row.get("instrument_version_id", UUID.class),
                row.get("instrument_code", String.class),
                AssessmentStatus.valueOf(row.get("status", String.class)),
                row.get("overall_level", String.class),
                row.get("version", Long.class),
                row.get("started_at", Instant.class),
                row.get("submitted_at", Instant.class),
                row.get("decided_at", Instant.class));
    }

    /** Submitted assessments waiting for a decision, oldest submission first. */
    Flux<Submitted> awaitingDecision(int limit, long offset) {
        return db.sql("select a.*, p.number, p.family_name, p.given_names from assessment a"
                        + " join prisoner p on p.tenant_id = a.tenant_id and p.id = a.prisoner_id"
                        + " where a.status = 'SUBMITTED' order by a.submitted_at, a.id limit :limit offset :offset")
                .bind("limit", limit)
                .bind("offset", offset)
                .map(row -> new Submitted(
                        assessment(row),
                        row.get("number", String.class),
                        row.get("family_name", String.class),
                        row.get("given_names", String.class)))
                .all();
    }

    Mono<Long> countAwaitingDecision() {
        return db.sql("select count(*) as total from assessment where status = 'SUBMITTED'")
                .map(row -> row.get("total", Long.class))
                .one();
    }

    /** The latest APPROVED assessment of each instrument the prisoner was assessed with, most recently approved first. */
    Flux<Assessment> latestApproved(UUID prisonerId) {
        return db.sql("select * from (select distinct on (instrument_code) * from assessment"
                        + " where prisoner_id = :prisoner and status = 'APPROVED'"
                        + " order by instrument_code, decided_at desc) latest order by decided_at desc, id")
                .bind("prisoner", prisonerId)
                .map(this::assessment)
                .all();
    }

    record Submitted(Assessment assessment, String prisonerNumber, String familyName, String givenNames) {}

    /** The changed assessment as it is now (the statement returns it: no second read), or a 409. */
    private Mono<Assessment> exactlyOne(
            DatabaseClient.GenericExecuteSpec update, UUID id, long expectedVersion, Instant now) {
        return update.bind("id", id)
                .bind("version", expectedVersion)
                .bind("now", now)
                .map(this::assessment)
                .one()
                .switchIfEmpty(Mono.error(() -> new ConflictException(
                        "Someone else changed this assessment first. Reload it and apply your change again.")));
    }

    private static Actor actor(Readable row, String column) {
        String subject = row.get(column, String.class);
        return subject == null ? null : new Actor(subject, row.get(column + "_name", String.class));
    }

    private Assessment assessment(Readable row) {
        Json judgement = row.get("judgement", Json.class);
        Json result = row.get("result", Json.class);
        return new Assessment(
                row.get("id", UUID.class),
                row.get("prisoner_id", UUID.class),
                row.get("instrument_version_id", UUID.class),
                row.get("instrument_code", String.class),
                AssessmentStatus.valueOf(row.get("status", String.class)),
                json.read(row.get("answers", Json.class), ANSWERS),
                judgement == null ? null : json.read(judgement, Judgement.class),
                result == null ? null : json.read(result, ScoringResult.class),
                row.get("overall_level", String.class),
                row.get("version", Long.class),
                actor(row, "started_by"),
                row.get("started_at", Instant.class),
                actor(row, "submitted_by"),
                row.get("submitted_at", Instant.class),
                actor(row, "decided_by"),
                row.get("decided_at", Instant.class),
                row.get("decision_comment", String.class),
                row.get("updated_at", Instant.class));
    }
}
