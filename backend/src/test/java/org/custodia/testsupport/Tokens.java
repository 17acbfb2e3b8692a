package org.custodia.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from the real Keycloak, by password grant for the demo users of {@code keycloak/realms}, through
 * the test-only client {@code custodia-test}. {@code of("kz:ASSESSOR")} names a realm and a role; tokens are cached
 * until shortly before they expire.
 */
public final class Tokens {

    public static final String DEMO_PASSWORD = "demo"; // DEV ONLY, as in keycloak/realms/demo-*.json

    private static final Map<String, String> USER_OF_ROLE = Map.of(
            "COUNTRY_ADMIN", "admin",
            "ASSESSOR", "assessor",
            "SUPERVISOR", "supervisor",
            "ANALYST", "analyst",
            "AUDITOR", "auditor",
            "PLATFORM_ADMIN", "platform.admin",
            "PROGRAMME_COORDINATOR", "programme.coordinator");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, Instant renewAfter) {}

    /** An access token for {@code "<realm>:<ROLE>"}, e.g. {@code "kg:SUPERVISOR"} or {@code "platform:PLATFORM_ADMIN"}. */
    public String of(String realmAndRole) {
        Cached cached = CACHE.get(realmAndRole);
        if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
            return cached.token();
        }
        String[] parts = realmAndRole.split(":", 2);
        JsonNode response = passwordGrant(parts[0], usernameOf(parts[0], parts[1]), "custodia-test", "");
        Cached fresh = new Cached(
                response.get("access_token").asString(),
                Instant.now().plusSeconds(response.get("expires_in").asLong() - 30));
        CACHE.put(realmAndRole, fresh);
        return fresh.token();
    }

    /** The user name of a demo user: {@code kz.assessor}, or {@code platform.admin} in the platform realm. */
    public static String usernameOf(String realm, String role) {
        String user = USER_OF_ROLE.get(role);
        if (user == null) {
            throw new IllegalArgumentException("No demo user has role " + role);
        }
        return realm.equals("platform") ? user : realm + "." + user;
    }

    /** The whole token response of a password grant, uncached, for tests that need other clients or scopes. */
    public JsonNode passwordGrant(String realm, String username, String clientId, String scope) {
        return passwordGrant(realm, username, DEMO_PASSWORD, clientId, scope);
    }

    public JsonNode passwordGrant(String realm, String username, String password, String clientId, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        if (!scope.isBlank()) {
            form.put("scope", scope);
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        TestEnvironment.KEYCLOAK_URL + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the password grant for " + username + " in realm "
                        + realm + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + TestEnvironment.KEYCLOAK_URL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
