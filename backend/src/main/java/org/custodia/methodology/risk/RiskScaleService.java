package org.custodia.methodology.risk;

import io.r2dbc.postgresql.codec.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.custodia.methodology.ListVersions;
import org.custodia.methodology.expression.CompiledExpression;
import org.custodia.methodology.expression.Expressions;
import org.custodia.methodology.expression.InvalidExpressionException;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.UnprocessableException;
import org.custodia.shared.persistence.JsonDocuments;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class RiskScaleService {

    private final DatabaseClient db;
    private final TenantTransactions tx;
    private final JsonDocuments json;
    private final ListVersions listVersions;
    private final Expressions expressions;

    RiskScaleService(
            DatabaseClient db,
            TenantTransactions tx,
            JsonDocuments json,
            ListVersions listVersions,
            Expressions expressions) {
        this.db = db;
        this.tx = tx;
        this.json = json;
        this.listVersions = listVersions;
        this.expressions = expressions;
    }

    /** The caller's tenant's scale; version 0 and no levels before the first save. */
    public Mono<RiskScale> current() {
        return tx.read(this::load);
    }

    Mono<RiskScale> replace(Tenant tenant, RiskScale scale) {
        List<FieldError> errors = problems(tenant, scale);
        if (!errors.isEmpty()) {
            return Mono.error(new UnprocessableException("The risk levels are not consistent.", errors));
        }
        return tx.write(() -> listVersions
                .bump(ListVersions.RISK_LEVELS, scale.version())
                .then(load())
                .flatMap(current -> codesInUse(Set.copyOf(current.codes())))
                .flatMap(inUse -> {
                    List<String> dropped = inUse.stream()
                            .filter(code -> !scale.codes().contains(code))
                            .toList();
                    return dropped.isEmpty()
                            ? Mono.empty()
                            : Mono.error(new UnprocessableException(
                                    "These risk levels are in use.",
                                    List.of(new FieldError(
                                            "levels",
                                            "cannot remove " + dropped
                                                    + ": published instrument versions band scores into them or"
                                                    + " name them in their overall formula, the classification"
                                                    + " scheme in force compares assessed levels with them, or"
                                                    + " assessments record them"))));
                })
                .then(db.sql("delete from risk_level").then())
                .thenMany(Flux.range(0, scale.levels().size())
                        .concatMap(rank -> insert(rank, scale.levels().get(rank))))
                .then(load()));
    }

    private static List<FieldError> problems(Tenant tenant, RiskScale scale) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < scale.levels().size(); i++) {
            RiskLevel level = scale.levels().get(i);
            if (!codes.add(level.code())) {
                errors.add(new FieldError("levels[" + i + "].code", "'" + level.code() + "' is used twice"));
            }
            String name = level.name().get(tenant.defaultLanguage());
            if (name == null || name.isBlank()) {
                errors.add(new FieldError(
                        "levels[" + i + "].name." + tenant.defaultLanguage(),
                        "is required in the country's default language"));
            }
            if (i > 0 && level.commonLevel().compareTo(scale.levels().get(i - 1).commonLevel()) < 0) {
                errors.add(new FieldError(
                        "levels[" + i + "].commonLevel",
                        "levels are ordered lowest first, so their common levels cannot go down"));
            }
        }
        return errors;
    }

    /**
     * The tenant's level codes in use, read in the caller's transaction (so under the tenant's row-level security):
     * by published or retired instrument versions, as the level of a band or named in the overall formula ({@code ...
     * ? 'VERY_HIGH' : levels.total}), which would otherwise stop giving that rating; by the classification scheme in
     * force, compared with an assessed level in a rule or constraint ({@code assessments.ve_guide.overall == 'HIGH'}),
     * which would otherwise never match; and by assessments, as their overall level or their rater's judgement.
     */
    private Mono<List<String>> codesInUse(Set<String> codes) {
        Flux<String> banded =
                db.sql("""
                        select distinct band ->> 'level' as code
                          from instrument_version v,
                               jsonb_array_elements(v.definition -> 'scales') scale,
                               jsonb_array_elements(coalesce(scale -> 'bands', '[]'::jsonb)) band
                         where v.status <> 'DRAFT'
                        """).map(row -> row.get("code", String.class)).all();
        Flux<String> named = db.sql("""
                        select distinct v.definition -> 'overall' ->> 'formula' as formula
                          from instrument_version v
                         where v.status <> 'DRAFT' and v.definition -> 'overall' ->> 'formula' is not null
                        """)
                .map(row -> row.get("formula", String.class))
                .all()
                .flatMapIterable(formula -> literals(formula).stream()
                        .map(CompiledExpression.Literal::value)
                        .toList())
                .filter(codes::contains);
        Flux<String> compared = db.sql("""
                        select r ->> 'when' as source
                          from classification_scheme_version v,
                               jsonb_array_elements(coalesce(v.definition -> 'rules', '[]'::jsonb)) r
                         where v.status = 'PUBLISHED'
                        union all
                        select c ->> 'expression'
                          from classification_scheme_version v,
                               jsonb_array_elements(coalesce(v.definition -> 'constraints', '[]'::jsonb)) c
                         where v.status = 'PUBLISHED'
                        """)
                .map(row -> row.get("source", String.class))
                .all()
                .flatMapIterable(source -> literals(source).stream()
                        .filter(CompiledExpression.Literal::level)
                        .map(CompiledExpression.Literal::value)
                        .toList())
                .filter(codes::contains);
        Flux<String> recorded =
                db.sql("""
                        select overall_level as code from assessment where overall_level is not null
                        union
                        select judgement ->> 'level' from assessment where judgement ->> 'level' is not null
                        """).map(row -> row.get("code", String.class)).all();
        return Flux.concat(banded, named, compared, recorded).distinct().collectList();
    }

    private List<CompiledExpression.Literal> literals(String published) {
        try {
            return expressions.literals(published);
        } catch (InvalidExpressionException e) {
            // Published expressions were checked when published and never change.
            throw new IllegalStateException("a published expression does not parse: " + e.issues(), e);
        }
    }

    private Mono<Void> insert(int rank, RiskLevel level) {
        return db.sql("insert into risk_level (code, rank, name, common_level) values (:code, :rank, :name, :common)")
                .bind("code", level.code())
                .bind("rank", rank)
                .bind("name", json.write(level.name()))
                .bind("common", level.commonLevel().name())
                .then();
    }

    private Mono<RiskScale> load() {
        Mono<Long> version = listVersions.current(ListVersions.RISK_LEVELS);
        Mono<List<RiskLevel>> levels = db.sql("select code, name, common_level from risk_level order by rank")
                .map(row -> new RiskLevel(
                        row.get("code", String.class),
                        json.texts(row.get("name", Json.class)),
                        CommonLevel.valueOf(row.get("common_level", String.class))))
                .all()
                .collectList();
        return version.zipWith(levels, RiskScale::new);
    }
}
