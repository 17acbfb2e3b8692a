package org.custodia.methodology.catalogue;

import io.r2dbc.postgresql.codec.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.custodia.methodology.DefinitionErrors;
import org.custodia.methodology.ListVersions;
import org.custodia.methodology.expression.ExpressionEnvironment;
import org.custodia.methodology.expression.Expressions;
import org.custodia.shared.error.UnprocessableException;
import org.custodia.shared.persistence.JsonDocuments;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** The country's offence codes and programme catalogue, each replaced as a whole under optimistic locking. */
@Service
public class CatalogueService {

    private static final TypeReference<List<String>> CODES = new TypeReference<>() {};

    private final DatabaseClient db;
    private final TenantTransactions tx;
    private final JsonDocuments json;
    private final ListVersions listVersions;
    private final Expressions expressions;

    CatalogueService(
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

    public Mono<OffenceList> offences() {
        return tx.read(this::loadOffences);
    }

    public Mono<ProgrammeList> programmes() {
        return tx.read(this::loadProgrammes);
    }

    Mono<OffenceList> replaceOffences(Tenant tenant, OffenceList list) {
        DefinitionErrors errors = new DefinitionErrors(expressions, tenant.defaultLanguage());
        unique(errors, "offences", list.offences(), Offence::code);
        for (int i = 0; i < list.offences().size(); i++) {
            errors.text("offences[" + i + "].name", list.offences().get(i).name());
        }
        return replace(
                errors,
                ListVersions.OFFENCES,
                list.version(),
                "offence",
                list.offences(),
                this::loadOffences,
                (rank, offence) -> db.sql(
                                "insert into offence (code, rank, name, gravity) values (:code, :rank, :name, :gravity)")
                        .bind("code", offence.code())
                        .bind("rank", rank)
                        .bind("name", json.write(offence.name()))
                        .bind("gravity", offence.gravity())
                        .then());
    }

    Mono<ProgrammeList> replaceProgrammes(Tenant tenant, ProgrammeList list) {
        DefinitionErrors errors = new DefinitionErrors(expressions, tenant.defaultLanguage());
        unique(errors, "programmes", list.programmes(), Programme::code);
        for (int i = 0; i < list.programmes().size(); i++) {
            Programme programme = list.programmes().get(i);
            errors.text("programmes[" + i + "].name", programme.name());
            if (programme.eligibility() != null) {
                errors.expression(
                        "programmes[" + i + "].eligibility",
                        ExpressionEnvironment.PROGRAMME_ELIGIBILITY,
                        programme.eligibility());
            }
        }
        return replace(
                errors,
                ListVersions.PROGRAMMES,
                list.version(),
                "programme",
                list.programmes(),
                this::loadProgrammes,
                (rank, p) -> {
                    DatabaseClient.GenericExecuteSpec insert = db.sql(
                                    "insert into programme (code, rank, name, needs, eligibility)"
                                            + " values (:code, :rank, :name, :needs, :eligibility)")
                            .bind("code", p.code())
                            .bind("rank", rank)
                            .bind("name", json.write(p.name()))
                            .bind("needs", json.write(p.needs()))
                            .bind("eligibility", Parameter.fromOrEmpty(p.eligibility(), String.class));
                    return insert.then();
                });
    }

    private interface Insert<T> {
        Mono<Void> insert(int rank, T entry);
    }

    /**
     * Checks, then in one transaction bumps the list's version, deletes every row of {@code table}, inserts the new
     * ones in order and reads the list back.
     */
    private <T, L> Mono<L> replace(
            DefinitionErrors errors,
            String kind,
            long expectedVersion,
            String table,
            List<T> entries,
            Supplier<Mono<L>> load,
            Insert<T> insert) {
        if (!errors.isEmpty()) {
            return Mono.error(new UnprocessableException("The list is not consistent.", errors.list()));
        }
        return tx.write(() -> listVersions
                .bump(kind, expectedVersion)
                .then(db.sql("delete from " + table).then())
                .thenMany(Flux.range(0, entries.size()).concatMap(rank -> insert.insert(rank, entries.get(rank))))
                .then(Mono.defer(load)));
    }

    private static <T> void unique(DefinitionErrors errors, String path, List<T> entries, Function<T, String> code) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!seen.add(code.apply(entries.get(i)))) {
                errors.add(path + "[" + i + "].code", "'" + code.apply(entries.get(i)) + "' is used twice");
            }
        }
    }

    private Mono<OffenceList> loadOffences() {
        return listVersions
                .current(ListVersions.OFFENCES)
                .zipWith(db.sql("select code, name, gravity from offence order by rank")
                        .map(row -> new Offence(
                                row.get("code", String.class),
                                json.texts(row.get("name", Json.class)),
                                row.get("gravity", String.class)))
                        .all()
                        .collectList())
                .map(both -> new OffenceList(both.getT1(), both.getT2()));
    }

    private Mono<ProgrammeList> loadProgrammes() {
        return listVersions
                .current(ListVersions.PROGRAMMES)
                .zipWith(db.sql("select code, name, needs, eligibility from programme order by rank")
                        .map(row -> new Programme(
                                row.get("code", String.class),
                                json.texts(row.get("name", Json.class)),
                                json.read(row.get("needs", Json.class), CODES),
                                row.get("eligibility", String.class)))
                        .all()
                        .collectList())
                .map(both -> new ProgrammeList(both.getT1(), both.getT2()));
    }
}
