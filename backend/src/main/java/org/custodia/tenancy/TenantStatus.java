package org.custodia.tenancy;

/** Lifecycle of a tenant in the registry. Only ACTIVE tenants' tokens are accepted. */
public enum TenantStatus {
    /** Being onboarded: the realm or registry row is not complete yet. */
    PROVISIONING,
    ACTIVE,
    /** Tokens refused at once; data untouched. */
    SUSPENDED
}
