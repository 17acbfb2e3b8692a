package org.custodia.facility;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.custodia.audit.AuditEvent;
import org.custodia.audit.AuditTrail;
import org.custodia.methodology.DefinitionErrors;
import org.custodia.methodology.expression.Expressions;
import org.custodia.methodology.scheme.SchemeService;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.InvalidRequestException;
import org.custodia.shared.error.NotFoundException;
import org.custodia.shared.error.UnprocessableException;
import org.custodia.shared.persistence.JsonDocuments;
import org.custodia.shared.persistence.UuidV7;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The country's institutions: what they may hold and how full they are. */
@Service
public class FacilityService {

    private static final String SELECT =
            "select f.id, f.code, f.name, f.categories, f.capacity, f.version, null::bigint as population from facility f";
    /** The population is counted only for the list: a single facility is read on hot paths that never show it. */
    private static final String SELECT_COUNTED = "select f.id, f.code, f.name, f.categories, f.capacity, f.version,"
            + " (select count(*) from prisoner p where p.facility_id = f.id and p.legal_status <> 'RELEASED')"
            + " as population from facility f";

    private final DatabaseClient db;
    private final TenantTransactions tx;
    private final JsonDocuments json;
    private final Expressions expressions;
    private final SchemeService schemes;
    private final AuditTrail audit;
    private final Clock clock;

    FacilityService(
            DatabaseClient db,
            TenantTransactions tx,
            JsonDocuments json,
            Expressions expressions,
            SchemeService schemes,
            AuditTrail audit,
            Clock clock) {
        this.db = db;
        this.tx = tx;
        this.json = json;
        this.expressions = expressions;
        this.schemes = schemes;
        this.audit = audit;
        this.clock = clock;
    }

    public Flux<Facility> list() {
        return tx.readMany(() ->
                db.sql(SELECT_COUNTED + " order by f.code").map(this::facility).all());
    }

    /** The facility, read in the caller's transaction; 404 when the tenant has none with this id. */
    public Mono<Facility> find(UUID id) {
        return db.sql(SELECT + " where f.id = :id")
                .bind("id", id)
                .map(this::facility)
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such facility.")));
    }

    Mono<Facility> create(Tenant tenant, FacilityForm form) {
        UUID id = UuidV7.next();
        return tx.write(() -> check(tenant, form)
                .then(db.sql("insert into facility (id, code, name, categories, capacity, version, created_at,"
                                + " updated_at) values (:id, :code, :name, :categories, :capacity, 0, :now, :now)")
                        .bind("id", id)
                        .bind("code", form.code())
                        .bind("name", json.write(form.name()))
                        .bind("categories", form.categories().toArray(String[]::new))
                        .bind("capacity", form.capacity())
                        .bind("now", clock.instant())
                        .then())
                .onErrorMap(DuplicateKeyException.class, e -> duplicateCode())
                .then(find(id))
                .flatMap(created -> audit.record(AuditEvent.created("FACILITY_CREATED", "FACILITY", id, created))
                        .thenReturn(created)));
    }

    Mono<Facility> update(Tenant tenant, UUID id, FacilityForm form) {
        if (form.version() == null) {
            return Mono.error(new InvalidRequestException(
                    "The version read is needed to change a facility.",
                    List.of(new FieldError("version", "must be the version you read"))));
        }
        return tx.write(() -> find(id).flatMap(before -> check(tenant, form)
                .then(db.sql("update facility set code = :code, name = :name, categories = :categories,"
                                + " capacity = :capacity, version = version + 1, updated_at = :now"
                                + " where id = :id and version = :version")
                        .bind("id", id)
                        .bind("code", form.code())
                        .bind("name", json.write(form.name()))
                        .bind("categories", form.categories().toArray(String[]::new))
                        .bind("capacity", form.capacity())
                        .bind("version", form.version())
                        .bind("now", clock.instant())
                        .fetch()
                        .rowsUpdated())
                .flatMap(updated -> updated == 1
                        ? find(id)
                        : Mono.error(new ConflictException(
                                "Someone else changed this facility first. Reload it and apply your change again.")))
                .onErrorMap(DuplicateKeyException.class, e -> duplicateCode())
                .flatMap(after -> audit.record(AuditEvent.changed("FACILITY_CHANGED", "FACILITY", id, before, after))
                        .thenReturn(after))));
    }

    /** Names in the default language, and only categories of the scheme in force. */
    private Mono<Void> check(Tenant tenant, FacilityForm form) {
        DefinitionErrors errors = new DefinitionErrors(expressions, tenant.defaultLanguage());
        errors.text("name", form.name());
        return schemes.categoriesInForce().flatMap(categories -> {
            for (int i = 0; i < form.categories().size(); i++) {
                String code = form.categories().get(i);
                if (!categories.containsKey(code)) {
                    errors.add("categories[" + i + "]", "'" + code + "' is not a category of the scheme in force");
                } else if (form.categories().indexOf(code) != i) {
                    errors.add("categories[" + i + "]", "'" + code + "' is listed twice");
                }
            }
            return errors.isEmpty()
                    ? Mono.empty()
                    : Mono.error(new UnprocessableException("The facility is not consistent.", errors.list()));
        });
    }

    private static ConflictException duplicateCode() {
        return new ConflictException("Another facility has this code already.");
    }

    /**
     * The facility {@code f} of a statement as one JSON column, read with {@link #facility(Readable)}: for a page
     * that reads it beside other things in one statement. Without the population, as {@link #find(UUID)}.
     */
    public static final String AS_JSON = "to_json(f)";

    /** A facility from its row, or from {@link #AS_JSON} read with {@code JsonDocuments.row}. */
    public Facility facility(Readable row) {
        return new Facility(
                row.get("id", UUID.class),
                row.get("code", String.class),
                json.texts(row.get("name", Json.class)),
                Arrays.asList(row.get("categories", String[].class)),
                row.get("capacity", Integer.class),
                row.get("population", Long.class),
                row.get("version", Long.class));
    }
}
