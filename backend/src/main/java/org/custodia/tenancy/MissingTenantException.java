package org.custodia.tenancy;

import org.springframework.security.access.AccessDeniedException;

/** Tenant-owned data was asked for by a caller without a tenant (a platform-realm token, or a background job). */
public class MissingTenantException extends AccessDeniedException {

    public MissingTenantException() {
        super("This operation needs a country tenant's user");
    }
}
