package org.custodia.security;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a Keycloak access token's realm roles ({@code realm_access.roles}) and the API client's roles ({@code
 * resource_access.<audience>.roles}), keeping only those the realm kind may grant.
 */
final class KeycloakRoles {

    private KeycloakRoles() {}

    static Set<String> of(Jwt jwt, String apiClientId, Set<String> allowed) {
        Set<String> roles = new TreeSet<>();
        collect(jwt.getClaimAsMap("realm_access"), roles);
        Map<String, Object> resourceAccess = jwt.getClaimAsMap("resource_access");
        if (resourceAccess != null && resourceAccess.get(apiClientId) instanceof Map<?, ?> client) {
            collect(client, roles);
        }
        roles.retainAll(allowed);
        return roles;
    }

    private static void collect(Map<?, ?> access, Set<String> into) {
        if (access != null && access.get("roles") instanceof Collection<?> names) {
            names.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .forEach(into::add);
        }
    }
}
