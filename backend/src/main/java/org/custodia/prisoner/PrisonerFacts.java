package org.custodia.prisoner;

import io.r2dbc.postgresql.codec.Json;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.methodology.instrument.ScoringResult;
import org.custodia.methodology.scheme.ClassificationFacts;
import org.custodia.shared.persistence.JsonDocuments;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What classification rules and programme eligibility see of a prisoner on a given day: age and sex, the sentence,
 * the offences with their gravity, the flags, and the results of the latest APPROVED assessment per instrument. Runs
 * in the caller's transaction.
 */
@Component
public class PrisonerFacts {

    private final DatabaseClient db;
    private final JsonDocuments json;

    PrisonerFacts(DatabaseClient db, JsonDocuments json) {
        this.db = db;
        this.json = json;
    }

    public Mono<ClassificationFacts> of(Prisoner prisoner, LocalDate today) {
        return Mono.zip(gravities(prisoner.offences()), latestApproved(prisoner))
                .map(found -> new ClassificationFacts(
                        new ClassificationFacts.Prisoner(
                                Period.between(prisoner.dateOfBirth(), today).getYears(), prisoner.sex()),
                        sentence(prisoner.sentence(), today),
                        prisoner.offences().stream()
                                .map(code -> new ClassificationFacts.Offence(
                                        code, found.getT1().get(code)))
                                .toList(),
                        prisoner.flags(),
                        found.getT2()));
    }

    /** On remand there is no sentence yet: length and remaining time are 0, which rules can test for. */
    static ClassificationFacts.Sentence sentence(Sentence sentence, LocalDate today) {
        if (sentence == null) {
            return new ClassificationFacts.Sentence(0, 0, false, null);
        }
        int remaining = sentence.expectedRelease() == null
                        || !sentence.expectedRelease().isAfter(today)
                ? 0
                : (int) ChronoUnit.MONTHS.between(today, sentence.expectedRelease());
        return new ClassificationFacts.Sentence(
                sentence.lengthMonths() == null ? 0 : sentence.lengthMonths(),
                remaining,
                sentence.life(),
                sentence.courtRegime());
    }

    /**
     * Offences removed from the country's list since they were recorded keep an empty gravity rather than vanish: a
     * rule testing gravity then does not match them, and the trace still shows them.
     */
    private Mono<Map<String, String>> gravities(List<String> codes) {
        if (codes.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select code, gravity from offence where code = any(:codes)")
                .bind("codes", codes.toArray(String[]::new))
                .map(row -> Map.entry(row.get("code", String.class), row.get("gravity", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                .map(known -> {
                    codes.forEach(code -> known.putIfAbsent(code, ""));
                    return known;
                });
    }

    private Mono<Map<String, ClassificationFacts.AssessmentResults>> latestApproved(Prisoner prisoner) {
        return db.sql("select distinct on (instrument_code) instrument_code, result from assessment"
                        + " where prisoner_id = :prisoner and status = 'APPROVED'"
                        + " order by instrument_code, decided_at desc")
                .bind("prisoner", prisoner.id())
                .map(row -> Map.entry(
                        row.get("instrument_code", String.class),
                        results(json.read(row.get("result", Json.class), ScoringResult.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
                .map(Map::copyOf);
    }

    /** Scales that could not be scored are left out, so a rule can tell "not scorable" with {@code has()}. */
    static ClassificationFacts.AssessmentResults results(ScoringResult result) {
        Map<String, String> levels = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (ScoringResult.ScaleResult scale : result.scales()) {
            if (scale.scorable() && scale.score() != null) {
                scores.put(scale.code(), scale.score());
                if (scale.level() != null) {
                    levels.put(scale.code(), scale.level());
                }
            }
        }
        return new ClassificationFacts.AssessmentResults(
                result.overall() == null ? null : result.overall().level(), levels, scores);
    }
}
