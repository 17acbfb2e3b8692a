package org.custodia.security;

import java.util.Optional;
import java.util.Set;
import org.custodia.tenancy.Tenant;

/**
 * Who is calling: the token's subject, the realm it came from and the roles Custodia recognises there. A platform
 * caller has no tenant.
 */
public record Caller(String subject, String username, String realm, Optional<Tenant> tenant, Set<String> roles) {}
