package org.custodia.audit;

import java.time.Duration;
import org.custodia.tenancy.TenantContext;
import org.custodia.tenancy.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Verifies every active country's audit chain on a schedule, so a tampered entry raises the chart's alert even when no
 * auditor asks. Only codes and sequence numbers are logged.
 */
@Component
class ScheduledChainVerification {

    private static final Logger log = LoggerFactory.getLogger(ScheduledChainVerification.class);

    private final TenantDirectory tenants;
    private final AuditLog audit;

    ScheduledChainVerification(TenantDirectory tenants, AuditLog audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    @Scheduled(
            initialDelayString = "${custodia.audit.verification-delay:PT10M}",
            fixedDelayString = "${custodia.audit.verification-interval:PT24H}")
    void verifyOnSchedule() {
        tenants.findActive()
                .concatMap(tenant -> audit.verify()
                        .doOnNext(result -> {
                            if (!result.intact()) {
                                log.error(
                                        "Audit chain of tenant {} is broken at entry {}: {}",
                                        tenant.code(),
                                        result.firstBroken().seq(),
                                        result.firstBroken().reason());
                            }
                        })
                        .contextWrite(context -> TenantContext.with(context, tenant))
                        .onErrorResume(e -> {
                            log.warn("Could not verify the audit chain of tenant {}", tenant.code(), e);
                            return Mono.empty();
                        }))
                .then()
                .block(Duration.ofHours(1));
    }
}
