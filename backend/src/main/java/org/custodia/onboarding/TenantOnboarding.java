package org.custodia.onboarding;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.custodia.onboarding.OnboardingStore.Onboarding;
import org.custodia.onboarding.PlatformTenantViews.OnboardingResult;
import org.custodia.onboarding.PlatformTenantViews.PlatformTenantView;
import org.custodia.onboarding.keycloak.KeycloakStepException;
import org.custodia.onboarding.keycloak.TenantRealms;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.IdentityProviderUnavailableException;
import org.custodia.shared.error.NotFoundException;
import org.custodia.shared.error.UnprocessableException;
import org.custodia.shared.persistence.UuidV7;
import org.custodia.tenancy.TenantStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Onboards a country: registry row, Keycloak realm, first administrator, methodology, activation, in that order. Each
 * step's state is recorded; a failure stops the run and names the step and an error code; a retry resumes at the
 * first step not done. Every step is idempotent (what exists is adopted), so retrying never duplicates a realm, a
 * user or a registry row.
 */
@Service
class TenantOnboarding {

    static final Set<String> LANGUAGES = Set.of("en", "ru", "kk", "ky", "fr", "ar");

    private static final Logger log = LoggerFactory.getLogger(TenantOnboarding.class);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Long enough for a restarting Keycloak to come back, short enough not to leave the admin waiting. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final OnboardingStore store;
    private final TenantRealms realms;
    private final PlatformAudit audit;

    TenantOnboarding(OnboardingStore store, TenantRealms realms, PlatformAudit audit) {
        this.store = store;
        this.realms = realms;
        this.audit = audit;
    }

    Mono<OnboardingResult> start(TenantOnboardingRequest request, String actor) {
        List<FieldError> errors = problems(request);
        if (!errors.isEmpty()) {
            return Mono.error(new UnprocessableException("The tenant cannot be created as described.", errors));
        }
        UUID id = UuidV7.next();
        return store.codeOrRealmTaken(request.code(), request.realm())
                .flatMap(taken -> taken ? Mono.error(taken(request)) : realmExists(request.realm()))
                .flatMap(exists -> exists ? Mono.error(taken(request)) : methodologySource(request))
                .flatMap(source -> store.inTransaction(store.register(id, request, actor, source)
                                .then(audit.record(
                                        actor,
                                        "TENANT_ONBOARDING_STARTED",
                                        id,
                                        Map.of(
                                                "code",
                                                request.code(),
                                                "methodologyFrom",
                                                Optional.ofNullable(request.methodologyFrom())
                                                        .orElse("")))))
                        .thenReturn(id))
                .flatMap(registered -> run(registered, actor));
    }

    Mono<OnboardingResult> retry(UUID id, String actor) {
        return store.onboarding(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No onboarding for this tenant.")))
                .flatMap(onboarding -> onboarding.status() != TenantStatus.PROVISIONING
                        ? Mono.error(new ConflictException("The tenant is " + onboarding.status()
                                + ": its onboarding is complete, there is nothing to retry."))
                        : audit.record(actor, "TENANT_ONBOARDING_RETRIED", id, Map.of("code", onboarding.code())))
                .then(Mono.defer(() -> run(id, actor)));
    }

    /**
     * Whether the realm name is taken in Keycloak. Unknown while Keycloak is unreachable: onboarding then starts all
     * the same, so it is recorded and retryable, and its REALM step adopts no realm it did not create.
     */
    private Mono<Boolean> realmExists(String realm) {
        return realms.exists(realm)
                .onErrorResume(
                        KeycloakStepException.class,
                        error -> error.unreachable() ? Mono.just(false) : Mono.error(error));
    }

    /** Runs the steps not done yet, holding the onboarding so no other run overlaps. */
    private Mono<OnboardingResult> run(UUID id, String actor) {
        AtomicReference<String> temporaryPassword = new AtomicReference<>();
        return Mono.usingWhen(
                store.claim(id),
                claimed -> claimed
                        ? store.onboarding(id)
                                .flatMap(onboarding ->
                                        runFrom(onboarding, pending(onboarding), actor, temporaryPassword))
                                .then(store.tenant(id))
                                .flatMap(TenantOnboarding::unlessKeycloakUnreachable)
                                .map(tenant -> new OnboardingResult(tenant, temporaryPassword.get()))
                        : Mono.error(new ConflictException("This onboarding is running already; try again shortly.")),
                claimed -> claimed ? store.release(id) : Mono.empty());
    }

    /**
     * A run stopped because Keycloak could not be reached is not the admin's to fix: 503 with Retry-After, naming the
     * tenant and the step, so the same onboarding is retried later (its state is recorded, nothing is lost).
     */
    private static Mono<PlatformTenantView> unlessKeycloakUnreachable(PlatformTenantView tenant) {
        return tenant.steps().stream()
                .filter(step -> step.status() == StepStatus.FAILED
                        && KeycloakStepException.UNREACHABLE.equals(step.errorCode()))
                .findFirst()
                .<Mono<PlatformTenantView>>map(step -> Mono.error(new IdentityProviderUnavailableException(
                        "Keycloak, the identity provider, cannot be reached: onboarding stopped at step " + step.step()
                                + ". Retry this tenant's onboarding later.",
                        RETRY_AFTER,
                        Map.of(
                                "tenantId", tenant.id(),
                                "step", step.step().name(),
                                "errorCode", step.errorCode()))))
                .orElseGet(() -> Mono.just(tenant));
    }

    private static Iterator<OnboardingStep> pending(Onboarding onboarding) {
        List<OnboardingStep> steps = new ArrayList<>();
        for (OnboardingStep step : OnboardingStep.values()) {
            if (onboarding.steps().get(step) != StepStatus.DONE) {
                steps.add(step);
            }
        }
        return steps.iterator();
    }

    private Mono<Void> runFrom(
            Onboarding onboarding,
            Iterator<OnboardingStep> steps,
            String actor,
            AtomicReference<String> temporaryPassword) {
        if (!steps.hasNext()) {
            return Mono.empty();
        }
        OnboardingStep step = steps.next();
        return execute(step, onboarding, actor, temporaryPassword)
                .thenReturn(true)
                .onErrorResume(error -> store.markFailed(onboarding.tenant(), step, codeOf(onboarding, step, error))
                        .thenReturn(false))
                .flatMap(done -> done ? runFrom(onboarding, steps, actor, temporaryPassword) : Mono.empty());
    }

    /** One step, ending with it marked DONE (in the same transaction where the step is a database change). */
    private Mono<Void> execute(
            OnboardingStep step, Onboarding onboarding, String actor, AtomicReference<String> temporaryPassword) {
        UUID id = onboarding.tenant();
        return switch (step) {
            case REGISTRY -> store.markDone(id, step);
            case REALM ->
                realms.ensureRealm(onboarding.realm(), id, onboarding.realmDisplayName(), onboarding.defaultLanguage())
                        .then(store.markDone(id, step));
            case FIRST_ADMIN -> firstAdmin(onboarding, temporaryPassword).then(store.markDone(id, step));
            case METHODOLOGY ->
                store.inTransaction(onboarding
                        .methodologySource()
                        .map(source -> store.copyMethodology(source, id))
                        .orElse(Mono.empty())
                        .then(store.markDone(id, step)));
            case ACTIVATION ->
                store.inTransaction(
                        store.changeStatus(id, TenantStatus.PROVISIONING, TenantStatus.ACTIVE, Optional.empty())
                                .switchIfEmpty(Mono.error(() -> new IllegalStateException("tenant not PROVISIONING")))
                                .then(store.markDone(id, step))
                                .then(audit.record(actor, "TENANT_ACTIVATED", id, Map.of("code", onboarding.code()))));
        };
    }

    /**
     * Finds or creates the user, then sets a fresh temporary password: a run that creates or adopts the user always
     * has a password to show, even if an earlier run set one and then failed before anyone saw it.
     */
    private Mono<Void> firstAdmin(Onboarding onboarding, AtomicReference<String> temporaryPassword) {
        String password = TemporaryPasswords.next();
        return realms.ensureUser(onboarding.realm(), onboarding.adminUsername(), onboarding.adminEmail())
                .flatMap(userId -> realms.setTemporaryPassword(onboarding.realm(), userId, password)
                        .then(realms.grantCountryAdmin(onboarding.realm(), userId)))
                .doOnSuccess(done -> temporaryPassword.set(password));
    }

    private static String codeOf(Onboarding onboarding, OnboardingStep step, Throwable error) {
        if (error instanceof KeycloakStepException keycloak) {
            return keycloak.code();
        }
        log.error("Onboarding step {} of tenant {} failed", step, onboarding.tenant(), error);
        return step == OnboardingStep.METHODOLOGY ? "METHODOLOGY_COPY_FAILED" : "UNEXPECTED_ERROR";
    }

    private Mono<Optional<UUID>> methodologySource(TenantOnboardingRequest request) {
        if (request.methodologyFrom() == null) {
            return Mono.just(Optional.empty());
        }
        return store.activeTenantId(request.methodologyFrom())
                .map(Optional::of)
                .switchIfEmpty(Mono.error(() -> new UnprocessableException(
                        "The methodology cannot be copied from there.",
                        List.of(new FieldError("methodologyFrom", "is not the code of an active tenant")))));
    }

    private static ConflictException taken(TenantOnboardingRequest request) {
        return new ConflictException(
                "A tenant with code " + request.code() + " or a realm named " + request.realm() + " exists already.");
    }

    private static List<FieldError> problems(TenantOnboardingRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!COUNTRIES.contains(request.country())) {
            errors.add(new FieldError("country", "is not an ISO 3166-1 alpha-2 country code"));
        }
        request.displayName().keySet().stream()
                .filter(language -> !LANGUAGES.contains(language))
                .sorted()
                .forEach(language ->
                        errors.add(new FieldError("displayName." + language, "is not a language Custodia speaks")));
        for (String required : new String[] {"en", request.defaultLanguage()}) {
            if (!request.displayName().containsKey(required)) {
                errors.add(new FieldError("displayName." + required, "is required"));
            }
        }
        if (!ZoneId.getAvailableZoneIds().contains(request.timeZone())) {
            errors.add(new FieldError("timeZone", "is not an IANA time zone such as Africa/Kampala"));
        }
        return errors.stream().distinct().toList();
    }
}
