package org.custodia.tenancy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * A country tenant as the registry knows it. The realm name decides the token issuer, and so the tenant:
 * nothing a client sends can choose it.
 */
public record Tenant(
        TenantId id,
        String code,
        String realm,
        TenantStatus status,
        Map<String, String> displayName,
        String defaultLanguage,
        String timeZone) {

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    /** Today's date where the country is: what effective dates and due dates are counted in. */
    public LocalDate today(Clock clock) {
        return dayOf(clock.instant());
    }

    /** The date it was where the country is at that instant. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneId.of(timeZone));
    }
}
