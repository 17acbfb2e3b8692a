package org.custodia.shared.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.custodia.tenancy.Tenant;
import org.springframework.stereotype.Component;

/**
 * The cycle's business counters beside the technical metrics, each tagged with the country's code and nothing else (no
 * person, user, facility or category): {@code custodia_assessments_submitted_total}, {@code
 * custodia_classifications_approved_total} and {@code custodia_classification_overrides_total} (approved decisions
 * whose category is not the one the rules proposed). Counted once the change has committed. Overdue reviews are a
 * gauge of their own ({@code custodia_reviews_overdue}).
 */
@Component
public class BusinessMetrics {

    private final MeterRegistry registry;

    BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void assessmentSubmitted(Tenant tenant) {
        counter("custodia.assessments.submitted", "Assessments submitted for approval", tenant)
                .increment();
    }

    /** An approved classification; {@code overridden} when its category is not the proposal's. */
    public void classificationApproved(Tenant tenant, boolean overridden) {
        counter("custodia.classifications.approved", "Classification decisions approved", tenant)
                .increment();
        if (overridden) {
            counter("custodia.classification.overrides", "Approved classifications that override the proposal", tenant)
                    .increment();
        }
    }

    private Counter counter(String name, String description, Tenant tenant) {
        return Counter.builder(name)
                .description(description)
                .tag("tenant", tenant.code())
                .register(registry);
    }
}
