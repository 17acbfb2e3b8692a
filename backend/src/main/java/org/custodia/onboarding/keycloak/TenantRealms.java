package org.custodia.onboarding.keycloak;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.custodia.security.Roles;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.util.JsonSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A country's Keycloak realm, as onboarding needs it. Every method is idempotent (what exists is checked and adopted,
 * never duplicated) and runs the blocking admin client on {@code boundedElastic}, never on the event loop. Failures
 * become {@link KeycloakStepException}s with a code; nothing here logs a user name, an email or a password.
 */
@Component
public class TenantRealms {

    static final String TEMPLATE = "keycloak/tenant-template.json";
    static final String WEB_CLIENT = "custodia-web";
    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    /** The template's realm role for Keycloak's user administration; the API knows nothing of it. */
    static final String USER_ADMIN = "USER_ADMIN";
    /** Realm attribute naming the tenant whose onboarding created the realm: the only realm a retry may adopt. */
    static final String TENANT_ATTRIBUTE = "custodiaTenant";

    private static final Logger log = LoggerFactory.getLogger(TenantRealms.class);

    private final Keycloak keycloak;
    private final KeycloakAdminProperties properties;

    TenantRealms(Keycloak keycloak, KeycloakAdminProperties properties) {
        this.keycloak = keycloak;
        this.properties = properties;
    }

    /** Whether a realm of this name exists at all (ours or not). */
    public Mono<Boolean> exists(String realm) {
        return call("realm-exists", () -> find(realm) != null);
    }

    /**
     * Creates the realm from the project's template (roles, the SPA client with PKCE and this installation's redirect
     * URIs, the API audience, password and brute-force policies), marked as this tenant's, or adopts it if an earlier
     * attempt of this tenant's onboarding created it. Any other realm of that name is refused: onboarding may have
     * started while Keycloak was unreachable, so the check for a taken realm name could not run before.
     */
    public Mono<Void> ensureRealm(String realm, UUID tenant, String displayName, String defaultLocale) {
        return call("realm", () -> {
            RealmRepresentation existing = find(realm);
            if (existing == null) {
                keycloak.realms().create(fromTemplate(realm, tenant, displayName, defaultLocale));
            } else {
                requireRealmOf(existing, tenant);
            }
            return null;
        });
    }

    /** The id of the user with exactly this user name, created (enabled, email unverified) if missing. */
    public Mono<String> ensureUser(String realm, String username, String email) {
        return call("user", () -> {
            String id = findUser(realm, username);
            if (id != null) {
                return id;
            }
            UserRepresentation user = new UserRepresentation();
            user.setUsername(username);
            user.setEmail(email);
            user.setEnabled(true);
            user.setEmailVerified(false);
            try (Response response = keycloak.realm(realm).users().create(user)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    // Created by a concurrent attempt between the search and the create: adopt it.
                    id = findUser(realm, username);
                    if (id != null) {
                        return id;
                    }
                }
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    /** Replaces the user's password with a temporary one and sets the actions required at the next login. */
    public Mono<Void> setTemporaryPassword(String realm, String userId, String password) {
        return call("temporary-password", () -> {
            UserResource user = keycloak.realm(realm).users().get(userId);
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(true);
            user.resetPassword(credential);
            UserRepresentation representation = user.toRepresentation();
            List<String> actions = new ArrayList<>(List.of(UPDATE_PASSWORD));
            properties.firstAdminRequiredActions().stream()
                    .filter(action -> !actions.contains(action))
                    .forEach(actions::add);
            representation.setRequiredActions(actions);
            user.update(representation);
            return null;
        });
    }

    /**
     * Grants the realm roles COUNTRY_ADMIN and USER_ADMIN, with which the country's administrator also manages the
     * country's users in Keycloak's console (ADR 0012). Granting them twice changes nothing.
     */
    public Mono<Void> grantCountryAdmin(String realm, String userId) {
        return call("grant-country-admin", () -> {
            RealmResource resource = keycloak.realm(realm);
            List<RoleRepresentation> roles = List.of(
                    resource.roles().get(Roles.COUNTRY_ADMIN).toRepresentation(),
                    resource.roles().get(USER_ADMIN).toRepresentation());
            resource.users().get(userId).roles().realmLevel().add(roles);
            return null;
        });
    }

    private RealmRepresentation find(String realm) {
        try {
            return keycloak.realm(realm).toRepresentation();
        } catch (NotFoundException missing) {
            return null;
        }
    }

    private String findUser(String realm, String username) {
        return keycloak.realm(realm).users().searchByUsername(username, true).stream()
                .filter(user -> username.equalsIgnoreCase(user.getUsername()))
                .map(UserRepresentation::getId)
                .findFirst()
                .orElse(null);
    }

    /**
     * A realm that exists but was not created by this tenant's onboarding (another tenant's, a leftover of a deleted
     * one, or not Custodia's at all) is never taken over: its users would reach this tenant's data.
     */
    private static void requireRealmOf(RealmRepresentation existing, UUID tenant) {
        Map<String, String> attributes = existing.getAttributes() == null ? Map.of() : existing.getAttributes();
        if (!tenant.toString().equals(attributes.get(TENANT_ATTRIBUTE))) {
            throw new KeycloakStepException(
                    "REALM_NOT_CUSTODIA", "realm exists but was not created by this tenant's onboarding", null);
        }
    }

    private RealmRepresentation fromTemplate(String realm, UUID tenant, String displayName, String defaultLocale)
            throws IOException {
        RealmRepresentation representation;
        try (InputStream template = new ClassPathResource(TEMPLATE).getInputStream()) {
            representation = JsonSerialization.readValue(template, RealmRepresentation.class);
        }
        representation.setRealm(realm);
        representation.setDisplayName(displayName);
        representation.setEnabled(true);
        representation.setDefaultLocale(defaultLocale);
        Map<String, String> attributes =
                new HashMap<>(representation.getAttributes() == null ? Map.of() : representation.getAttributes());
        attributes.put(TENANT_ATTRIBUTE, tenant.toString());
        representation.setAttributes(attributes);
        List<String> origins = properties.webUrls().stream()
                .map(url -> url.toString().replaceAll("/+$", ""))
                .toList();
        List<String> redirects = origins.stream().map(origin -> origin + "/*").toList();
        for (ClientRepresentation client : representation.getClients()) {
            if (WEB_CLIENT.equals(client.getClientId())) {
                client.setRootUrl(origins.get(0));
                client.setBaseUrl(origins.get(0) + "/");
                client.setRedirectUris(redirects);
                client.setWebOrigins(origins);
                client.getAttributes().put("post.logout.redirect.uris", String.join("##", redirects));
            }
        }
        return representation;
    }

    private <T> Mono<T> call(String operation, Callable<T> work) {
        return Mono.fromCallable(work)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(error -> !(error instanceof KeycloakStepException), error -> translate(operation, error));
    }

    private static KeycloakStepException translate(String operation, Throwable error) {
        String code;
        if (error instanceof WebApplicationException web) {
            code = "KEYCLOAK_HTTP_" + web.getResponse().getStatus();
        } else if (error instanceof ProcessingException) {
            code = KeycloakStepException.UNREACHABLE;
        } else {
            code = "KEYCLOAK_ERROR";
        }
        log.warn(
                "Keycloak operation {} failed with {} ({})",
                operation,
                code,
                error.getClass().getSimpleName());
        return new KeycloakStepException(code, "Keycloak operation " + operation + " failed: " + code, error);
    }
}
