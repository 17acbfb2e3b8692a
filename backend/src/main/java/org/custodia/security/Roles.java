package org.custodia.security;

import java.util.Set;

/** The roles Custodia knows. A role counts only in the realm kind it belongs to. */
public final class Roles {

    public static final String COUNTRY_ADMIN = "COUNTRY_ADMIN";
    public static final String ASSESSOR = "ASSESSOR";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String ANALYST = "ANALYST";
    public static final String AUDITOR = "AUDITOR";
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    public static final String PROGRAMME_COORDINATOR = "PROGRAMME_COORDINATOR";

    /** Roles a country realm may grant. */
    public static final Set<String> TENANT = Set.of(COUNTRY_ADMIN, ASSESSOR, SUPERVISOR, ANALYST, AUDITOR);

    /**
     * Roles only the platform realm may grant. A country administrator who creates a role of the same name in their
     * own realm gains nothing.
     */
    public static final Set<String> PLATFORM = Set.of(PLATFORM_ADMIN, PROGRAMME_COORDINATOR);

    /** For {@code @PreAuthorize}: any user of a country tenant. */
    public static final String ANY_TENANT_ROLE =
            "hasAnyRole('COUNTRY_ADMIN', 'ASSESSOR', 'SUPERVISOR', 'ANALYST', 'AUDITOR')";

    /**
     * For {@code @PreAuthorize}: staff who work with prisoners' records. Analysts, auditors and administrators see
     * figures, the trail and the methodology, not people.
     */
    public static final String CASE_WORKER = "hasAnyRole('ASSESSOR', 'SUPERVISOR')";

    /** For {@code @PreAuthorize}: who reads a country's dashboards (figures that name nobody). */
    public static final String DASHBOARD_READER = "hasAnyRole('ANALYST', 'COUNTRY_ADMIN', 'SUPERVISOR')";

    /** For {@code @PreAuthorize}: who reads the cross-country indicators (aggregates only, from the platform realm). */
    public static final String INDICATOR_READER = "hasRole('PROGRAMME_COORDINATOR')";

    private Roles() {}
}
