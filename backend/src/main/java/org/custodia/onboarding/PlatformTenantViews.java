package org.custodia.onboarding;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.tenancy.TenantStatus;

/** What platform staff see of tenants: registry data and onboarding steps, never a person of the tenant. */
final class PlatformTenantViews {

    private PlatformTenantViews() {}

    /**
     * A tenant in the registry with its onboarding steps (empty for tenants that were not onboarded here, e.g. the
     * demo tenants).
     *
     * @param version the registry row's version, to send back when suspending or reactivating
     */
    record PlatformTenantView(
            UUID id,
            String code,
            String country,
            String realm,
            TenantStatus status,
            Map<String, String> displayName,
            String defaultLanguage,
            String timeZone,
            long version,
            String firstAdminUsername,
            List<StepView> steps) {}

    /** One onboarding step; {@code errorCode} is set when it FAILED. */
    record StepView(OnboardingStep step, StepStatus status, String errorCode, int attempts, Instant updatedAt) {}

    /** A tenant with what platform staff did to it, newest last. */
    record PlatformTenantDetail(PlatformTenantView tenant, List<PlatformAuditEntry> history) {}

    /** One platform action on a tenant. */
    record PlatformAuditEntry(Instant at, String actor, String action, Map<String, Object> detail) {}

    /**
     * The answer to creating a tenant or retrying its onboarding.
     *
     * @param temporaryPassword the first admin's temporary password when this very call set it, else null: shown
     *     once, never stored; the admin must change it at first login
     */
    record OnboardingResult(PlatformTenantView tenant, String temporaryPassword) {}

    /**
     * Suspending or reactivating a tenant.
     *
     * @param version the registry row's version last read; a stale one is refused with 409
     * @param reason why, for the platform audit log (no personal data)
     */
    record StatusChange(
            @NotNull @PositiveOrZero Long version,
            @Size(max = 500) String reason) {}
}
