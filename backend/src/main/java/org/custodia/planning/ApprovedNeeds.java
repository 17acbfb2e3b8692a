package org.custodia.planning;

import io.r2dbc.postgresql.codec.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodia.methodology.instrument.InstrumentDefinition;
import org.custodia.methodology.instrument.InstrumentService;
import org.custodia.methodology.instrument.ScoringResult;
import org.custodia.shared.persistence.JsonDocuments;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The needs a prisoner's approved assessments found: the scales and items their instrument version marks
 * {@code need: true} that scored above zero. Read from the stored scoring result, so a need is what the assessment
 * found when it was approved, whatever the methodology says today. The assessments feature will publish the same
 * (its own {@code AssessmentNeeds.ofPrisoner}); this class then gives way to it.
 */
@Component
class ApprovedNeeds {

    /** A need, and the approved assessment that found it. */
    record FoundNeed(String need, UUID assessmentId) {}

    private final DatabaseClient db;
    private final JsonDocuments json;
    private final InstrumentService instruments;

    ApprovedNeeds(DatabaseClient db, JsonDocuments json, InstrumentService instruments) {
        this.db = db;
        this.json = json;
        this.instruments = instruments;
    }

    /**
     * The needs of the latest approved assessment with each instrument, the most recently approved assessment first;
     * in the caller's transaction.
     */
    Flux<FoundNeed> ofPrisoner(UUID prisonerId) {
        return db.sql("select * from (select distinct on (instrument_code) id, instrument_version_id, result,"
                        + " decided_at from assessment where prisoner_id = :prisoner and status = 'APPROVED'"
                        + " order by instrument_code, decided_at desc) latest order by decided_at desc, id")
                .bind("prisoner", prisonerId)
                .map(row -> new Stored(
                        row.get("id", UUID.class),
                        row.get("instrument_version_id", UUID.class),
                        json.read(row.get("result", Json.class), ScoringResult.class)))
                .all()
                .concatMap(stored -> instruments
                        .definition(stored.versionId())
                        .flatMapIterable(definition -> needs(definition, stored.result()))
                        .map(need -> new FoundNeed(need, stored.assessmentId())));
    }

    private record Stored(UUID assessmentId, UUID versionId, ScoringResult result) {}

    /** Scale and item codes, scales first, each in the instrument's order. */
    static List<String> needs(InstrumentDefinition definition, ScoringResult result) {
        Set<String> scales = new HashSet<>();
        result.scales().stream()
                .filter(scale -> scale.scorable() && scale.score() != null && scale.score() > 0)
                .forEach(scale -> scales.add(scale.code()));
        Set<String> items = new HashSet<>();
        result.items().stream()
                .filter(item -> item.applicable() && item.score() != null && item.score() > 0)
                .forEach(item -> items.add(item.code()));
        List<String> needs = new ArrayList<>();
        definition.scales().stream()
                .filter(scale -> scale.need() && scales.contains(scale.code()))
                .forEach(scale -> needs.add(scale.code()));
        definition.sections().stream()
                .flatMap(section -> section.items().stream())
                .filter(item -> item.need() && items.contains(item.code()))
                .forEach(item -> needs.add(item.code()));
        return List.copyOf(needs);
    }
}
