package org.custodia.onboarding;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.onboarding.PlatformTenantViews.PlatformTenantView;
import org.custodia.onboarding.PlatformTenantViews.StatusChange;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.NotFoundException;
import org.custodia.tenancy.TenantDirectory;
import org.custodia.tenancy.TenantStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Suspends and reactivates tenants. Only the registry row's status changes: the realm, its users and the tenant's
 * data stay as they are. The security layer remembers active tenants only until the registry's next change
 * notification (TenantDirectory), and this replica forgets them as soon as the change commits, so a suspended
 * tenant's tokens are refused from the next request on.
 */
@Service
class TenantSuspensions {

    private final OnboardingStore store;
    private final PlatformAudit audit;
    private final TenantDirectory directory;

    TenantSuspensions(OnboardingStore store, PlatformAudit audit, TenantDirectory directory) {
        this.store = store;
        this.audit = audit;
        this.directory = directory;
    }

    Mono<PlatformTenantView> suspend(UUID id, StatusChange change, String actor) {
        return move(id, TenantStatus.ACTIVE, TenantStatus.SUSPENDED, "TENANT_SUSPENDED", change, actor);
    }

    Mono<PlatformTenantView> reactivate(UUID id, StatusChange change, String actor) {
        return move(id, TenantStatus.SUSPENDED, TenantStatus.ACTIVE, "TENANT_REACTIVATED", change, actor);
    }

    private Mono<PlatformTenantView> move(
            UUID id, TenantStatus from, TenantStatus to, String action, StatusChange change, String actor) {
        return store.tenant(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such tenant.")))
                .flatMap(current -> {
                    if (current.version() != change.version()) {
                        return Mono.error(new ConflictException(
                                "Someone else changed this tenant first. Reload it and try again."));
                    }
                    if (current.status() != from) {
                        return Mono.error(new ConflictException("The tenant is " + current.status() + "; only a " + from
                                + " tenant can become " + to + "."));
                    }
                    return store.inTransaction(store.changeStatus(id, from, to, Optional.of(change.version()))
                            .switchIfEmpty(Mono.error(() -> new ConflictException(
                                    "Someone else changed this tenant first. Reload it and try again.")))
                            .then(audit.record(
                                    actor,
                                    action,
                                    id,
                                    Map.of(
                                            "code",
                                            current.code(),
                                            "reason",
                                            Optional.ofNullable(change.reason()).orElse("")))));
                })
                .then(Mono.fromRunnable(directory::forgetRemembered))
                .then(Mono.defer(() -> store.tenant(id)));
    }
}
