package org.custodia.tenancy;

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
}
