package org.custodia.onboarding.keycloak;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the onboarding service administers Keycloak: a confidential client with a service account holding the
 * {@code admin} role of the {@code master} realm (Keycloak 26 creates it from {@code KC_BOOTSTRAP_ADMIN_CLIENT_ID}
 * and {@code KC_BOOTSTRAP_ADMIN_CLIENT_SECRET}). The secret comes from the environment in every deployment.
 *
 * @param serverUrl Keycloak's base URL as the backend reaches it
 * @param realm the realm of the admin client ({@code master})
 * @param clientId the admin client's id
 * @param clientSecret the admin client's secret
 * @param webUrls the web application's origins: the new realm's SPA client accepts redirects under these only
 * @param firstAdminRequiredActions what the first COUNTRY_ADMIN must do at first login, besides changing the
 *     temporary password
 */
@Validated
@ConfigurationProperties("custodia.onboarding.keycloak")
public record KeycloakAdminProperties(
        @NotNull URI serverUrl,
        @NotBlank String realm,
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        @NotEmpty List<URI> webUrls,
        List<String> firstAdminRequiredActions) {

    public KeycloakAdminProperties {
        firstAdminRequiredActions =
                firstAdminRequiredActions == null ? List.of() : List.copyOf(firstAdminRequiredActions);
    }
}
