package org.custodia.shared.idempotency;

import java.time.Clock;
import java.time.Duration;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantContext;
import org.custodia.tenancy.TenantDirectory;
import org.custodia.tenancy.TenantTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Forgets every active country's idempotency keys once they are older than the retention: a retry comes within
 * minutes, while a stored response (an assessment) kept for ever is personal data kept for nothing. The database
 * function refuses to forget a key younger than a day, whatever the setting.
 */
@Component
class IdempotencyKeyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyRetention.class);

    private final TenantDirectory tenants;
    private final TenantTransactions tx;
    private final DatabaseClient db;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeyRetention(
            TenantDirectory tenants,
            TenantTransactions tx,
            DatabaseClient db,
            Clock clock,
            @Value("${custodia.idempotency.retention:P30D}") Duration retention) {
        this.tenants = tenants;
        this.tx = tx;
        this.db = db;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(
            initialDelayString = "${custodia.idempotency.retention-delay:PT15M}",
            fixedDelayString = "${custodia.idempotency.retention-interval:PT24H}")
    void forgetOnSchedule() {
        tenants.findActive()
                .concatMap(tenant -> forgetExpired(tenant)
                        .doOnNext(count -> log.info("Forgot {} idempotency keys of tenant {}", count, tenant.code()))
                        .onErrorResume(e -> {
                            log.warn("Could not forget the idempotency keys of tenant {}", tenant.code(), e);
                            return Mono.empty();
                        }))
                .then()
                .block(Duration.ofHours(1));
    }

    /** Forgets the tenant's keys older than the retention; returns how many. */
    Mono<Long> forgetExpired(Tenant tenant) {
        return tx.write(() -> db.sql("select app_forget_idempotency_keys(:before) as forgotten")
                        .bind("before", clock.instant().minus(retention))
                        .map(row -> row.get("forgotten", Long.class))
                        .one())
                .contextWrite(context -> TenantContext.with(context, tenant));
    }
}
