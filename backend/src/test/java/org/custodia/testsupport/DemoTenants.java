package org.custodia.testsupport;

import java.util.UUID;
import org.custodia.tenancy.TenantId;

/** The demo tenants seeded by V1__tenancy.sql. */
public final class DemoTenants {

    public static final TenantId KZ = new TenantId(UUID.fromString("01900000-0000-7000-8000-00000000004b"));
    public static final TenantId KG = new TenantId(UUID.fromString("01900000-0000-7000-8000-00000000004c"));

    private DemoTenants() {}
}
