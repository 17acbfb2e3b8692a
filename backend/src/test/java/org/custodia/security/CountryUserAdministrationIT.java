package org.custodia.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.custodia.testsupport.KeycloakAdminRest;
import org.custodia.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A country's COUNTRY_ADMIN manages the country's users in Keycloak's own administration of the country's realm (ADR
 * 0012), and nothing more: not another country's users, not the realm's settings, and never an administrative role
 * they do not hold themselves. Against the real Keycloak, with the demo realms' real tokens.
 */
class CountryUserAdministrationIT {

    private final Tokens tokens = new Tokens();

    private HttpResponse<String> admin(String realmAndRole, String method, String path, String body) {
        return KeycloakAdminRest.call(tokens.of(realmAndRole), method, path, body);
    }

    /** Creates a user as the realm's COUNTRY_ADMIN and returns its id. */
    private String createdUser(String realm, String username) {
        HttpResponse<String> created = admin(
                realm + ":COUNTRY_ADMIN",
                "POST",
                "/realms/" + realm + "/users",
                "{\"username\":\"" + username + "\",\"enabled\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void delete(String realm, String userId) {
        assertThat(admin(realm + ":COUNTRY_ADMIN", "DELETE", "/realms/" + realm + "/users/" + userId, null)
                        .statusCode())
                .isEqualTo(204);
    }

    /** The role named {@code name} among those the admin may still grant the user, as Keycloak lists them. */
    private static JsonNode grantable(JsonNode available, String name) {
        for (JsonNode role : available) {
            if (name.equals(role.path("role").asString())
                    || name.equals(role.path("name").asString())) {
                return role;
            }
        }
        throw new AssertionError(name + " is not among " + available);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kz", "kg"})
    void theCountryAdministratorCreatesAUserAndGivesItACountryRole(String realm) {
        String username = realm + ".user-admin-test-" + UUID.randomUUID();
        String userId = createdUser(realm, username);
        try {
            JsonNode assessor = grantable(
                    KeycloakAdminRest.json(admin(
                            realm + ":COUNTRY_ADMIN",
                            "GET",
                            "/realms/" + realm + "/users/" + userId + "/role-mappings/realm/available",
                            null)),
                    "ASSESSOR");
            assertThat(admin(
                                    realm + ":COUNTRY_ADMIN",
                                    "POST",
                                    "/realms/" + realm + "/users/" + userId + "/role-mappings/realm",
                                    "[" + assessor + "]")
                            .statusCode())
                    .isEqualTo(204);

            JsonNode roles = KeycloakAdminRest.json(admin(
                    realm + ":COUNTRY_ADMIN",
                    "GET",
                    "/realms/" + realm + "/users/" + userId + "/role-mappings/realm",
                    null));
            assertThat(roles.findValuesAsString("name")).contains("ASSESSOR");
            JsonNode found = KeycloakAdminRest.json(admin(
                    realm + ":COUNTRY_ADMIN",
                    "GET",
                    "/realms/" + realm + "/users?exact=true&username="
                            + URLEncoder.encode(username, StandardCharsets.UTF_8),
                    null));
            assertThat(found.findValuesAsString("id")).containsExactly(userId);
        } finally {
            delete(realm, userId);
        }
    }

    @Test
    void theCountryAdministratorCannotGrantAnAdministrativeRoleTheyDoNotHold() {
        String userId = createdUser("kz", "kz.escalation-test-" + UUID.randomUUID());
        try {
            JsonNode realmAdmin = grantable(
                    KeycloakAdminRest.json(admin(
                            "kz:COUNTRY_ADMIN",
                            "GET",
                            "/realms/kz/ui-ext/available-roles/users/" + userId + "?first=0&max=100",
                            null)),
                    "realm-admin");
            HttpResponse<String> granted = admin(
                    "kz:COUNTRY_ADMIN",
                    "POST",
                    "/realms/kz/users/" + userId + "/role-mappings/clients/"
                            + realmAdmin.path("clientId").asString(),
                    "[{\"id\":\"" + realmAdmin.path("id").asString() + "\",\"name\":\"realm-admin\"}]");
            assertThat(granted.statusCode()).isEqualTo(403);
        } finally {
            delete("kz", userId);
        }
    }

    @Test
    void theCountryAdministratorCannotChangeTheRealmItself() {
        assertThat(admin("kz:COUNTRY_ADMIN", "PUT", "/realms/kz", "{\"displayName\":\"Changed\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin("kz:COUNTRY_ADMIN", "GET", "/realms/kz/clients", null).statusCode())
                .isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kz:COUNTRY_ADMIN", "kg:COUNTRY_ADMIN"})
    void noCountryAdministratorReachesAnotherCountrysUsers(String realmAndRole) {
        String other = realmAndRole.startsWith("kz") ? "kg" : "kz";
        HttpResponse<String> listed = admin(realmAndRole, "GET", "/realms/" + other + "/users?max=5", null);
        assertThat(listed.statusCode()).isEqualTo(403);
        assertThat(listed.body()).doesNotContain("\"username\"");
    }

    @Test
    void otherCountryRolesAndPlatformStaffCannotManageUsers() {
        for (String role : List.of("kz:ASSESSOR", "kz:SUPERVISOR", "kz:ANALYST", "kz:AUDITOR")) {
            assertThat(admin(role, "GET", "/realms/kz/users?max=5", null).statusCode())
                    .as(role)
                    .isEqualTo(403);
        }
        for (String role : List.of("platform:PLATFORM_ADMIN", "platform:PROGRAMME_COORDINATOR")) {
            assertThat(admin(role, "GET", "/realms/kz/users?max=5", null).statusCode())
                    .as(role)
                    .isEqualTo(403);
        }
    }

    /**
     * The web application's access token of a country administrator, as Keycloak would issue it (its "evaluate
     * scopes" example, asked as the DEV ONLY bootstrap admin): the country role, and no role of Keycloak's own
     * administration, so a script in the page could not manage users with it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"kz", "kg"})
    void theWebApplicationsTokenCarriesNoUserAdministration(String realm) {
        String master = tokens.passwordGrant("master", "admin", "admin", "admin-cli", "") // DEV ONLY
                .get("access_token")
                .asString();
        String web = KeycloakAdminRest.json(KeycloakAdminRest.call(
                        master, "GET", "/realms/" + realm + "/clients?clientId=custodia-web", null))
                .get(0)
                .get("id")
                .asString();
        String adminUser = KeycloakAdminRest.json(KeycloakAdminRest.call(
                        master, "GET", "/realms/" + realm + "/users?exact=true&username=" + realm + ".admin", null))
                .get(0)
                .get("id")
                .asString();
        JsonNode token = KeycloakAdminRest.json(KeycloakAdminRest.call(
                master,
                "GET",
                "/realms/" + realm + "/clients/" + web
                        + "/evaluate-scopes/generate-example-access-token?scope=openid&userId=" + adminUser,
                null));
        assertThat(token.path("realm_access").path("roles").valueStream().map(JsonNode::asString))
                .containsExactly("COUNTRY_ADMIN");
        assertThat(token.path("resource_access").has("realm-management")).isFalse();
    }
}
