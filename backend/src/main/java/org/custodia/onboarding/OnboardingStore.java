package org.custodia.onboarding;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodia.onboarding.PlatformTenantViews.PlatformTenantView;
import org.custodia.onboarding.PlatformTenantViews.StepView;
import org.custodia.shared.persistence.JsonDocuments;
import org.custodia.tenancy.TenantStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The registry rows and onboarding records platform staff work with. Platform data, not tenant-owned: it runs in
 * transactions without a tenant. A tenant's status changes only here, by SQL on the {@code tenant} table.
 */
@Component
class OnboardingStore {

    private static final String TENANT_COLUMNS = "t.id, t.code, t.country, t.realm, t.status, t.display_name,"
            + " t.default_language, t.time_zone, t.version, p.admin_username";

    private final DatabaseClient db;
    private final JsonDocuments json;
    private final TransactionalOperator transaction;

    OnboardingStore(DatabaseClient db, JsonDocuments json, ReactiveTransactionManager transactionManager) {
        this.db = db;
        this.json = json;
        this.transaction = TransactionalOperator.create(transactionManager);
    }

    /** Runs the work in one transaction (with no tenant set, unless the work sets one itself). */
    <T> Mono<T> inTransaction(Mono<T> work) {
        return work.as(transaction::transactional);
    }

    /** What a run of the steps needs to know about one onboarding. */
    record Onboarding(
            UUID tenant,
            String code,
            String realm,
            TenantStatus status,
            Map<String, String> displayName,
            String defaultLanguage,
            String adminUsername,
            String adminEmail,
            Optional<UUID> methodologySource,
            Map<OnboardingStep, StepStatus> steps) {

        String realmDisplayName() {
            return displayName.getOrDefault(defaultLanguage, displayName.get("en"));
        }
    }

    Mono<Boolean> codeOrRealmTaken(String code, String realm) {
        return db.sql("select exists (select 1 from tenant where code = :code or realm = :realm) as taken")
                .bind("code", code)
                .bind("realm", realm)
                .map(row -> Boolean.TRUE.equals(row.get("taken", Boolean.class)))
                .one();
    }

    Mono<UUID> activeTenantId(String code) {
        return db.sql("select id from tenant where code = :code and status = 'ACTIVE'")
                .bind("code", code)
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    /** The registry row (PROVISIONING), the onboarding record and its steps, REGISTRY done and the rest pending. */
    Mono<Void> register(UUID id, TenantOnboardingRequest request, String requestedBy, Optional<UUID> source) {
        Mono<Long> tenant = db.sql("insert into tenant (id, code, country, realm, status, display_name,"
                        + " default_language, time_zone) values (:id, :code, :country, :realm, 'PROVISIONING',"
                        + " :displayName, :language, :timeZone)")
                .bind("id", id)
                .bind("code", request.code())
                .bind("country", request.country())
                .bind("realm", request.realm())
                .bind("displayName", json.write(request.displayName()))
                .bind("language", request.defaultLanguage())
                .bind("timeZone", request.timeZone())
                .fetch()
                .rowsUpdated();
        Mono<Long> provisioning = db.sql("insert into tenant_provisioning (tenant, admin_username, admin_email,"
                        + " methodology_source, requested_by, requested_at)"
                        + " values (:id, :username, :email, :source, :by, now())")
                .bind("id", id)
                .bind("username", request.firstAdmin().username())
                .bind("email", request.firstAdmin().email())
                .bind("source", Parameter.fromOrEmpty(source.orElse(null), UUID.class))
                .bind("by", requestedBy)
                .fetch()
                .rowsUpdated();
        Flux<Long> steps = Flux.fromArray(OnboardingStep.values())
                .concatMap(step -> db.sql("insert into tenant_provisioning_step (tenant, step, ordinal, status,"
                                + " attempts, updated_at) values (:id, :step, :ordinal, :status, :attempts, now())")
                        .bind("id", id)
                        .bind("step", step.name())
                        .bind("ordinal", step.ordinal())
                        .bind("status", (step == OnboardingStep.REGISTRY ? StepStatus.DONE : StepStatus.PENDING).name())
                        .bind("attempts", step == OnboardingStep.REGISTRY ? 1 : 0)
                        .fetch()
                        .rowsUpdated());
        return tenant.then(provisioning).thenMany(steps).then();
    }

    /**
     * Takes the onboarding for one run, for at most five minutes (a crashed run does not block retries for ever).
     * False when another run holds it.
     */
    Mono<Boolean> claim(UUID tenant) {
        return db.sql("update tenant_provisioning set running_until = now() + interval '5 minutes'"
                        + " where tenant = :tenant and (running_until is null or running_until < now())")
                .bind("tenant", tenant)
                .fetch()
                .rowsUpdated()
                .map(count -> count == 1);
    }

    Mono<Void> release(UUID tenant) {
        return db.sql("update tenant_provisioning set running_until = null where tenant = :tenant")
                .bind("tenant", tenant)
                .then();
    }

    Mono<Onboarding> onboarding(UUID tenant) {
        Mono<Map<OnboardingStep, StepStatus>> steps = stepsOf(List.of(tenant))
                .map(all -> all.getOrDefault(tenant, List.of()).stream()
                        .collect(Collectors.toMap(StepView::step, StepView::status)));
        return db.sql("select t.id, t.code, t.realm, t.status, t.display_name, t.default_language,"
                        + " p.admin_username, p.admin_email, p.methodology_source"
                        + " from tenant t join tenant_provisioning p on p.tenant = t.id where t.id = :tenant")
                .bind("tenant", tenant)
                .map(this::toOnboarding)
                .one()
                .zipWith(steps, Function::apply);
    }

    /** An onboarding without its steps' states yet: they come from a second query. */
    private Function<Map<OnboardingStep, StepStatus>, Onboarding> toOnboarding(Readable row) {
        UUID id = row.get("id", UUID.class);
        String code = row.get("code", String.class);
        String realm = row.get("realm", String.class);
        TenantStatus status = TenantStatus.valueOf(row.get("status", String.class));
        Map<String, String> displayName = json.texts(row.get("display_name", Json.class));
        String language = row.get("default_language", String.class);
        String username = row.get("admin_username", String.class);
        String email = row.get("admin_email", String.class);
        Optional<UUID> source = Optional.ofNullable(row.get("methodology_source", UUID.class));
        return steps -> new Onboarding(id, code, realm, status, displayName, language, username, email, source, steps);
    }

    Mono<Void> markDone(UUID tenant, OnboardingStep step) {
        return mark(tenant, step, StepStatus.DONE, null);
    }

    Mono<Void> markFailed(UUID tenant, OnboardingStep step, String errorCode) {
        return mark(tenant, step, StepStatus.FAILED, errorCode);
    }

    private Mono<Void> mark(UUID tenant, OnboardingStep step, StepStatus status, String errorCode) {
        return db.sql("update tenant_provisioning_step set status = :status, error_code = :error,"
                        + " attempts = attempts + 1, updated_at = now() where tenant = :tenant and step = :step")
                .bind("status", status.name())
                .bind("error", Parameter.fromOrEmpty(errorCode, String.class))
                .bind("tenant", tenant)
                .bind("step", step.name())
                .then();
    }

    /** Copies another tenant's published methodology into this one, as new rows (see V12's app_copy_methodology). */
    Mono<Void> copyMethodology(UUID source, UUID target) {
        return db.sql("select app_copy_methodology(:source, :target)")
                .bind("source", source)
                .bind("target", target)
                .then();
    }

    /**
     * Moves a tenant from one status to another. With a version, only if the row still has it. Empty when the row
     * is missing, not in {@code from}, or stale.
     */
    Mono<Long> changeStatus(UUID tenant, TenantStatus from, TenantStatus to, Optional<Long> version) {
        return db.sql("update tenant set status = :to, version = version + 1, updated_at = now()"
                        + " where id = :tenant and status = :from and (:version::bigint is null or version = :version)"
                        + " returning version")
                .bind("to", to.name())
                .bind("from", from.name())
                .bind("tenant", tenant)
                .bind("version", Parameter.fromOrEmpty(version.orElse(null), Long.class))
                .map(row -> row.get("version", Long.class))
                .one();
    }

    Flux<PlatformTenantView> tenants() {
        return db.sql("select " + TENANT_COLUMNS
                        + " from tenant t left join tenant_provisioning p on p.tenant = t.id order by t.code")
                .map(this::toRow)
                .all()
                .collectList()
                .flatMapMany(rows -> stepsOf(rows.stream().map(TenantRow::id).toList())
                        .flatMapMany(steps ->
                                Flux.fromIterable(rows).map(row -> row.view(steps.getOrDefault(row.id(), List.of())))));
    }

    Mono<PlatformTenantView> tenant(UUID id) {
        return db.sql("select " + TENANT_COLUMNS
                        + " from tenant t left join tenant_provisioning p on p.tenant = t.id where t.id = :id")
                .bind("id", id)
                .map(this::toRow)
                .one()
                .flatMap(row -> stepsOf(List.of(id)).map(steps -> row.view(steps.getOrDefault(id, List.of()))));
    }

    private Mono<Map<UUID, List<StepView>>> stepsOf(List<UUID> tenants) {
        if (tenants.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select tenant, step, status, error_code, attempts, updated_at from tenant_provisioning_step"
                        + " where tenant = any(:tenants) order by tenant, ordinal")
                .bind("tenants", tenants.toArray(UUID[]::new))
                .map(row -> Map.entry(
                        row.get("tenant", UUID.class),
                        new StepView(
                                OnboardingStep.valueOf(row.get("step", String.class)),
                                StepStatus.valueOf(row.get("status", String.class)),
                                row.get("error_code", String.class),
                                row.get("attempts", Integer.class),
                                row.get("updated_at", Instant.class))))
                .all()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private record TenantRow(
            UUID id,
            String code,
            String country,
            String realm,
            TenantStatus status,
            Map<String, String> displayName,
            String defaultLanguage,
            String timeZone,
            long version,
            String firstAdminUsername) {

        PlatformTenantView view(List<StepView> steps) {
            return new PlatformTenantView(
                    id,
                    code,
                    country,
                    realm,
                    status,
                    displayName,
                    defaultLanguage,
                    timeZone,
                    version,
                    firstAdminUsername,
                    steps);
        }
    }

    private TenantRow toRow(Readable row) {
        return new TenantRow(
                row.get("id", UUID.class),
                row.get("code", String.class),
                row.get("country", String.class),
                row.get("realm", String.class),
                TenantStatus.valueOf(row.get("status", String.class)),
                json.texts(row.get("display_name", Json.class)),
                row.get("default_language", String.class),
                row.get("time_zone", String.class),
                row.get("version", Long.class),
                row.get("admin_username", String.class));
    }
}
