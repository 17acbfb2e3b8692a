package org.custodia.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.custodia.onboarding.PlatformTenantViews.OnboardingResult;
import org.custodia.onboarding.PlatformTenantViews.PlatformTenantDetail;
import org.custodia.onboarding.PlatformTenantViews.PlatformTenantView;
import org.custodia.onboarding.PlatformTenantViews.StatusChange;
import org.custodia.security.CallerAuthentication;
import org.custodia.shared.error.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Platform staff's view of the tenant registry: onboarding, suspension, reactivation. Never a person's data. */
@RestController
@RequestMapping("/api/platform/tenants")
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Not a PLATFORM_ADMIN")
class PlatformTenantController {

    private static final String PLATFORM_ADMIN = "hasRole('PLATFORM_ADMIN')";

    private final TenantOnboarding onboarding;
    private final TenantSuspensions suspensions;
    private final OnboardingStore store;
    private final PlatformAudit audit;

    PlatformTenantController(
            TenantOnboarding onboarding, TenantSuspensions suspensions, OnboardingStore store, PlatformAudit audit) {
        this.onboarding = onboarding;
        this.suspensions = suspensions;
        this.store = store;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize(PLATFORM_ADMIN)
    @Operation(summary = "Every tenant in the registry with its status and onboarding steps")
    Flux<PlatformTenantView> listPlatformTenants() {
        return store.tenants();
    }

    @PostMapping
    @PreAuthorize(PLATFORM_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Onboard a country: registry row, Keycloak realm, first COUNTRY_ADMIN, methodology, activation",
            description = "Answers 201 once the registry row exists, also when a later step failed: the steps say"
                    + " which one and why, and POST .../retry resumes (503 instead when Keycloak is unreachable). The first admin's temporary password is in"
                    + " the answer of the call that set it, and nowhere else.")
    @ApiResponse(responseCode = "400", description = "Malformed fields (code, language, user name, email)")
    @ApiResponse(responseCode = "409", description = "Code or realm taken")
    @ApiResponse(responseCode = "422", description = "Unknown country, time zone, language or methodology source")
    @ApiResponse(
            responseCode = "503",
            description = "Keycloak unreachable: the tenant is recorded with the failed step (problem member tenantId);"
                    + " POST .../retry after Retry-After seconds")
    Mono<OnboardingResult> onboardTenant(
            CallerAuthentication caller, @Valid @RequestBody TenantOnboardingRequest request) {
        return onboarding.start(request, caller.caller().username());
    }

    @GetMapping("/{id}")
    @PreAuthorize(PLATFORM_ADMIN)
    @Operation(summary = "A tenant with its onboarding steps and the platform actions taken on it")
    @ApiResponse(responseCode = "404", description = "No such tenant")
    Mono<PlatformTenantDetail> getPlatformTenant(@PathVariable UUID id) {
        return store.tenant(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such tenant.")))
                .zipWith(audit.of(id).collectList(), PlatformTenantDetail::new);
    }

    @PostMapping("/{id}/retry")
    @PreAuthorize(PLATFORM_ADMIN)
    @Operation(summary = "Resume an onboarding at its first step not done (idempotent)")
    @ApiResponse(responseCode = "404", description = "No onboarding for this tenant")
    @ApiResponse(responseCode = "409", description = "Already complete, or a run is in progress")
    @ApiResponse(
            responseCode = "503",
            description = "Keycloak unreachable: the failed step is recorded; retry after Retry-After seconds")
    Mono<OnboardingResult> retryOnboarding(CallerAuthentication caller, @PathVariable UUID id) {
        return onboarding.retry(id, caller.caller().username());
    }

    @PostMapping("/{id}/suspension")
    @PreAuthorize(PLATFORM_ADMIN)
    @Operation(summary = "Suspend an ACTIVE tenant: its tokens are refused at once, its data stays untouched")
    @ApiResponse(responseCode = "404", description = "No such tenant")
    @ApiResponse(responseCode = "409", description = "Stale version or not ACTIVE")
    Mono<PlatformTenantView> suspendTenant(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        return suspensions.suspend(id, change, caller.caller().username());
    }

    @PostMapping("/{id}/reactivation")
    @PreAuthorize(PLATFORM_ADMIN)
    @Operation(summary = "Reactivate a SUSPENDED tenant")
    @ApiResponse(responseCode = "404", description = "No such tenant")
    @ApiResponse(responseCode = "409", description = "Stale version or not SUSPENDED")
    Mono<PlatformTenantView> reactivateTenant(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        return suspensions.reactivate(id, change, caller.caller().username());
    }
}
