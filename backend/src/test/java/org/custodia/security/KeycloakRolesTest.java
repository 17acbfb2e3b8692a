package org.custodia.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakRolesTest {

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void readsRealmAndApiClientRoles() {
        Jwt jwt = token(Map.of(
                "realm_access", Map.of("roles", List.of("ASSESSOR", "offline_access", "default-roles-kz")),
                "resource_access",
                        Map.of(
                                "custodia-api", Map.of("roles", List.of("SUPERVISOR")),
                                "account", Map.of("roles", List.of("AUDITOR")))));
        assertThat(KeycloakRoles.of(jwt, "custodia-api", Roles.TENANT)).containsExactly("ASSESSOR", "SUPERVISOR");
    }

    @Test
    void aCountryRealmCannotGrantPlatformRoles() {
        Jwt jwt = token(Map.of("realm_access", Map.of("roles", List.of("PLATFORM_ADMIN", "ANALYST"))));
        assertThat(KeycloakRoles.of(jwt, "custodia-api", Roles.TENANT)).containsExactly("ANALYST");
    }

    @Test
    void thePlatformRealmCannotGrantCountryRoles() {
        Jwt jwt = token(Map.of("realm_access", Map.of("roles", List.of("PROGRAMME_COORDINATOR", "ASSESSOR"))));
        assertThat(KeycloakRoles.of(jwt, "custodia-api", Roles.PLATFORM)).containsExactly("PROGRAMME_COORDINATOR");
    }

    @Test
    void toleratesMissingAndMalformedClaims() {
        assertThat(KeycloakRoles.of(token(Map.of("sub", "x")), "custodia-api", Roles.TENANT))
                .isEmpty();
        assertThat(KeycloakRoles.of(
                        token(Map.of("realm_access", Map.of("roles", "ASSESSOR"))), "custodia-api", Roles.TENANT))
                .isEmpty();
    }
}
