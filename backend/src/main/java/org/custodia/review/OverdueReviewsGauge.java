package org.custodia.review;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantContext;
import org.custodia.tenancy.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes {@code custodia_reviews_overdue{tenant="<code>"}}, the number of each active country's overdue reviews,
 * for the chart's {@code CustodiaOverdueReviews} alert. A count per country and nothing else: no person, no facility.
 * It is refreshed every few minutes, one indexed count per country, each in a transaction for that country alone;
 * a scrape never touches the database.
 */
@Component
class OverdueReviewsGauge {

    private static final Logger log = LoggerFactory.getLogger(OverdueReviewsGauge.class);

    private final MultiGauge gauge;
    private final TenantDirectory tenants;
    private final ReviewLists lists;
    private final Clock clock;

    OverdueReviewsGauge(MeterRegistry registry, TenantDirectory tenants, ReviewLists lists, Clock clock) {
        this.gauge = MultiGauge.builder("custodia.reviews.overdue")
                .description("Classification reviews whose date has passed, per country")
                .register(registry);
        this.tenants = tenants;
        this.lists = lists;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 5, timeUnit = TimeUnit.MINUTES)
    void refreshOnSchedule() {
        refresh().block(Duration.ofMinutes(1));
    }

    /** Counts again for every active country; a country that was suspended since drops out of the gauge. */
    Mono<Void> refresh() {
        return tenants.findActive()
                .concatMap(tenant ->
                        overdue(tenant).map(count -> MultiGauge.Row.of(Tags.of("tenant", tenant.code()), count)))
                .collectList()
                .doOnNext(rows -> gauge.register(rows, true))
                .then();
    }

    private Mono<Long> overdue(Tenant tenant) {
        return lists.overdue(tenant.today(clock))
                .contextWrite(context -> TenantContext.with(context, tenant))
                .onErrorResume(e -> {
                    log.warn("Could not count the overdue reviews of tenant {}", tenant.code(), e);
                    return Mono.empty();
                });
    }
}
