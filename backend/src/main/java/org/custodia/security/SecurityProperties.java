package org.custodia.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How tokens are trusted.
 *
 * @param keycloakUrl the public base URL of Keycloak; a realm's issuer is {@code <keycloakUrl>/realms/<realm>}
 * @param platformRealm the realm of platform staff (PLATFORM_ADMIN, PROGRAMME_COORDINATOR)
 * @param audience the client id every accepted access token must name in {@code aud}
 * @param clockSkew tolerance when checking {@code exp} and {@code nbf}
 */
@Validated
@ConfigurationProperties("custodia.security")
public record SecurityProperties(
        @NotNull URI keycloakUrl,
        @NotBlank String platformRealm,
        @NotBlank String audience,
        @NotNull Duration clockSkew) {

    public String issuerOf(String realm) {
        return keycloakUrl.toString().replaceAll("/+$", "") + "/realms/" + realm;
    }
}
