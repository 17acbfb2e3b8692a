package org.custodia.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doReturn;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.onboarding.keycloak.KeycloakAdminProperties;
import org.custodia.onboarding.keycloak.KeycloakStepException;
import org.custodia.onboarding.keycloak.TenantRealms;
import org.custodia.onboarding.keycloak.UnreachableKeycloak;
import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.KeycloakAdminRest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Onboarding against the real Keycloak and PostgreSQL: each test onboards its own tenant with a unique code, and the
 * realms they create are deleted at the end (Keycloak forgets them at restart anyway).
 */
class OnboardingIT extends IntegrationTestBase {

    private static final String ADMIN = "platform:PLATFORM_ADMIN";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> CREATED_REALMS = new ArrayList<>();
    private static final TenantKeycloak KEYCLOAK = new TenantKeycloak();

    @MockitoSpyBean
    TenantRealms realms;

    @Autowired
    KeycloakAdminProperties keycloakProperties;

    @AfterAll
    static void deleteRealms() {
        CREATED_REALMS.forEach(KEYCLOAK::deleteRealm);
        KEYCLOAK.close();
    }

    /** A code no earlier run used: "Q" and five random letters. */
    private static String newCode() {
        StringBuilder code = new StringBuilder("Q");
        for (int i = 0; i < 5; i++) {
            code.append((char) ('A' + RANDOM.nextInt(26)));
        }
        CREATED_REALMS.add(code.toString().toLowerCase());
        return code.toString();
    }

    private static Map<String, Object> request(String code, String methodologyFrom) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("code", code);
        request.put("country", "UG");
        request.put("displayName", Map.of("en", "Test tenant " + code, "fr", "Locataire " + code));
        request.put("defaultLanguage", "fr");
        request.put("timeZone", "Africa/Kampala");
        request.put("firstAdmin", Map.of("username", code.toLowerCase() + ".admin", "email", "admin@example.org"));
        request.put("methodologyFrom", methodologyFrom);
        return request;
    }

    private WebTestClient.ResponseSpec post(String realmAndRole, String uri, Object body, Object... variables) {
        return requestAs(realmAndRole, HttpMethod.POST, uri, variables)
                .bodyValue(body)
                .exchange();
    }

    private Map<?, ?> onboard(Map<String, Object> request) {
        return post(ADMIN, "/api/platform/tenants", request)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tenantOf(Map<?, ?> result) {
        return (Map<String, Object>) result.get("tenant");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> stepsOf(Map<String, Object> tenant) {
        Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
        ((List<Map<String, Object>>) tenant.get("steps")).forEach(step -> steps.put((String) step.get("step"), step));
        return steps;
    }

    /** A real token of the new realm's first admin, after the first login's required actions are done. */
    private String firstAdminToken(String code) {
        String realm = code.toLowerCase();
        KEYCLOAK.completeFirstLogin(realm, realm + ".admin");
        return tokens.passwordGrant(realm, realm + ".admin", TenantKeycloak.TEST_PASSWORD, "custodia-test", "")
                .get("access_token")
                .asString();
    }

    private WebTestClient.ResponseSpec getWithToken(String token, String uri) {
        return client.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange();
    }

    private static Map<String, Object> riskScale(long version, String low, String high) {
        return Map.of(
                "version",
                version,
                "levels",
                List.of(
                        Map.of("code", low, "name", Map.of("en", "Low", "fr", "Faible"), "commonLevel", "LOW"),
                        Map.of("code", high, "name", Map.of("en", "High", "fr", "Élevé"), "commonLevel", "HIGH")));
    }

    @SuppressWarnings("unchecked")
    private List<String> riskLevelCodes(WebTestClient.ResponseSpec response) {
        Map<String, Object> scale = response.expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return ((List<Map<String, Object>>) scale.get("levels"))
                .stream().map(level -> (String) level.get("code")).toList();
    }

    /** Until {@link #keycloakBack()}, every realm check and creation goes to a Keycloak nobody can reach. */
    private void keycloakDownFor(TenantRealms unreachable) {
        doAnswer(call -> unreachable.exists(call.getArgument(0))).when(realms).exists(anyString());
        doAnswer(call -> unreachable.ensureRealm(
                        call.getArgument(0), call.getArgument(1), call.getArgument(2), call.getArgument(3)))
                .when(realms)
                .ensureRealm(anyString(), any(UUID.class), anyString(), anyString());
    }

    private void keycloakBack() {
        doCallRealMethod().when(realms).exists(anyString());
        doCallRealMethod().when(realms).ensureRealm(anyString(), any(UUID.class), anyString(), anyString());
    }

    private void assertFailedAtRealm(String id, int attempts) {
        Map<?, ?> detail = getAs(ADMIN, "/api/platform/tenants/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> tenant = (Map<String, Object>) detail.get("tenant");
        assertThat(tenant.get("status")).isEqualTo("PROVISIONING");
        Map<String, Map<String, Object>> steps = stepsOf(tenant);
        assertThat(steps.get("REGISTRY").get("status")).isEqualTo("DONE");
        assertThat(steps.get("REALM"))
                .containsEntry("status", "FAILED")
                .containsEntry("errorCode", "KEYCLOAK_UNREACHABLE")
                .containsEntry("attempts", attempts);
        assertThat(steps.get("FIRST_ADMIN").get("status")).isEqualTo("PENDING");
    }

    @Nested
    @DisplayName("POST /api/platform/tenants")
    class OnboardTenant {

        @Test
        void onboardsATenantWhoseAdminWorksAloneInItsOwnRealm() {
            String code = newCode();
            Map<?, ?> result = onboard(request(code, null));

            Map<String, Object> tenant = tenantOf(result);
            assertThat(tenant.get("status")).isEqualTo("ACTIVE");
            assertThat(tenant.get("realm")).isEqualTo(code.toLowerCase());
            assertThat(stepsOf(tenant).values())
                    .allSatisfy(step -> assertThat(step.get("status")).isEqualTo("DONE"));
            String temporaryPassword = (String) result.get("temporaryPassword");
            assertThat(temporaryPassword).hasSize(20);

            // The temporary password alone does not get a token: the required actions come first.
            String realm = code.toLowerCase();
            assertThatThrownBy(() -> tokens.passwordGrant(realm, realm + ".admin", temporaryPassword, "admin-cli", ""))
                    .hasMessageContaining("400");

            String token = firstAdminToken(code);
            assertThat(riskLevelCodes(getWithToken(token, "/api/methodology/risk-levels")))
                    .isEmpty();
            client.put()
                    .uri("/api/methodology/risk-levels")
                    .header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .bodyValue(riskScale(0, code + "_LOW", code + "_HIGH"))
                    .exchange()
                    .expectStatus()
                    .isOk();

            assertThat(riskLevelCodes(getWithToken(token, "/api/methodology/risk-levels")))
                    .containsExactly(code + "_LOW", code + "_HIGH");
            for (String other : List.of("kz", "kg")) {
                assertThat(riskLevelCodes(getAs(other + ":ANALYST", "/api/methodology/risk-levels")
                                .exchange()))
                        .isNotEmpty()
                        .doesNotContain(code + "_LOW", code + "_HIGH");
            }
            getWithToken(token, "/api/facilities")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(0);
            getWithToken(token, "/api/facilities/01900000-0000-7000-8000-0000000f0001")
                    .expectStatus()
                    .value(status -> assertThat(status).isIn(404, 405));

            // The first admin manages the country's users in Keycloak (ADR 0012), in that realm only.
            HttpResponse<String> users = KeycloakAdminRest.call(token, "GET", "/realms/" + realm + "/users", null);
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(KeycloakAdminRest.json(users).findValuesAsString("username"))
                    .contains(realm + ".admin");
            assertThat(KeycloakAdminRest.call(token, "GET", "/realms/kz/users", null)
                            .statusCode())
                    .isEqualTo(403);
        }

        @Test
        @SuppressWarnings("unchecked")
        void copiesAnotherTenantsPublishedMethodologyAsRowsOfItsOwn() {
            String code = newCode();
            Map<?, ?> result = onboard(request(code, "KZ"));
            assertThat(tenantOf(result).get("status")).isEqualTo("ACTIVE");

            String token = firstAdminToken(code);
            List<String> kzLevels = riskLevelCodes(
                    getAs("kz:ANALYST", "/api/methodology/risk-levels").exchange());
            assertThat(riskLevelCodes(getWithToken(token, "/api/methodology/risk-levels")))
                    .isEqualTo(kzLevels);
            // Instruments with a published version are copied (drafts other tests add to KZ are not): the seeded ones.
            getWithToken(token, "/api/methodology/instruments")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[*].code")
                    .value(codes ->
                            assertThat(codes.toString()).contains("custody_rating", "needs_inventory", "ve_guide"));

            // A copy, not a link: the new tenant renames its levels, Kazakhstan's stay as they were.
            Map<?, ?> copied = getWithToken(token, "/api/methodology/risk-levels")
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            List<Map<String, Object>> renamed = ((List<?>) copied.get("levels"))
                    .stream()
                            .map(level -> {
                                Map<String, Object> changed = new LinkedHashMap<>((Map<String, Object>) level);
                                changed.put(
                                        "name", Map.of("en", "Renamed " + changed.get("code"), "kk", "x", "fr", "x"));
                                return changed;
                            })
                            .toList();
            client.put()
                    .uri("/api/methodology/risk-levels")
                    .header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .bodyValue(Map.of("version", copied.get("version"), "levels", renamed))
                    .exchange()
                    .expectStatus()
                    .isOk();
            getAs("kz:ANALYST", "/api/methodology/risk-levels")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.levels[*].name.en")
                    .value(names -> assertThat(names.toString()).doesNotContain("Renamed"));
        }

        @Test
        void failedStepIsNamedAndRetryResumesWithoutDuplicates() {
            String code = newCode();
            String realm = code.toLowerCase();
            doReturn(Mono.error(new KeycloakStepException("KEYCLOAK_HTTP_503", "injected by the test", null)))
                    .doCallRealMethod()
                    .when(realms)
                    .grantCountryAdmin(anyString(), anyString());

            Map<?, ?> failed = onboard(request(code, null));
            Map<String, Object> tenant = tenantOf(failed);
            assertThat(tenant.get("status")).isEqualTo("PROVISIONING");
            Map<String, Map<String, Object>> steps = stepsOf(tenant);
            assertThat(steps.get("REGISTRY").get("status")).isEqualTo("DONE");
            assertThat(steps.get("REALM").get("status")).isEqualTo("DONE");
            assertThat(steps.get("FIRST_ADMIN").get("status")).isEqualTo("FAILED");
            assertThat(steps.get("FIRST_ADMIN").get("errorCode")).isEqualTo("KEYCLOAK_HTTP_503");
            assertThat(steps.get("METHODOLOGY").get("status")).isEqualTo("PENDING");
            assertThat(failed.get("temporaryPassword")).isNull();
            assertThat(KEYCLOAK.usersNamed(realm, realm + ".admin")).hasSize(1);

            String id = (String) tenant.get("id");
            Map<?, ?> retried = post(ADMIN, "/api/platform/tenants/{id}/retry", Map.of(), id)
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(tenantOf(retried).get("status")).isEqualTo("ACTIVE");
            assertThat(stepsOf(tenantOf(retried)).get("FIRST_ADMIN"))
                    .containsEntry("status", "DONE")
                    .containsEntry("attempts", 2);
            assertThat((String) retried.get("temporaryPassword")).hasSize(20);

            assertThat(KEYCLOAK.realmsNamed(realm)).isEqualTo(1);
            assertThat(KEYCLOAK.usersNamed(realm, realm + ".admin")).hasSize(1);
            getAs(ADMIN, "/api/platform/tenants")
                    .exchange()
                    .expectBody()
                    .jsonPath("$[?(@.code == '" + code + "')].length()")
                    .value(count -> assertThat(count.toString()).contains("1"));
            getAs(ADMIN, "/api/platform/tenants/{id}", id)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.history[*].action")
                    .isEqualTo(List.of("TENANT_ONBOARDING_STARTED", "TENANT_ONBOARDING_RETRIED", "TENANT_ACTIVATED"))
                    .jsonPath("$.history[*].actor")
                    .isEqualTo(List.of("platform.admin", "platform.admin", "platform.admin"));
            post(ADMIN, "/api/platform/tenants/{id}/retry", Map.of(), id)
                    .expectStatus()
                    .isEqualTo(409);
            assertThat(firstAdminToken(code)).isNotBlank();
            doCallRealMethod().when(realms).grantCountryAdmin(anyString(), anyString());
        }

        @Test
        void unreachableKeycloakAnswers503AndLeavesTheRealmStepFailedForARetry() {
            String code = newCode();
            String realm = code.toLowerCase();
            String id;
            try (UnreachableKeycloak down = new UnreachableKeycloak(keycloakProperties)) {
                keycloakDownFor(down.realms());

                id = post(ADMIN, "/api/platform/tenants", request(code, null))
                        .expectStatus()
                        .isEqualTo(503)
                        .expectHeader()
                        .contentType("application/problem+json")
                        .expectHeader()
                        .valueEquals(HttpHeaders.RETRY_AFTER, "30")
                        .expectBody(Map.class)
                        .value(problem -> assertThat(problem)
                                .containsEntry("type", "urn:custodia:problem:identity-provider-unavailable")
                                .containsEntry("title", "Identity provider unavailable")
                                .containsEntry("status", 503)
                                .containsEntry("step", "REALM")
                                .containsEntry("errorCode", "KEYCLOAK_UNREACHABLE"))
                        .returnResult()
                        .getResponseBody()
                        .get("tenantId")
                        .toString();
                assertFailedAtRealm(id, 1);

                // Retrying while Keycloak is still down answers the same, and records one more attempt.
                post(ADMIN, "/api/platform/tenants/{id}/retry", Map.of(), id)
                        .expectStatus()
                        .isEqualTo(503)
                        .expectHeader()
                        .valueEquals(HttpHeaders.RETRY_AFTER, "30")
                        .expectBody()
                        .jsonPath("$.tenantId")
                        .isEqualTo(id);
                assertFailedAtRealm(id, 2);
            } finally {
                keycloakBack();
            }
            assertThat(KEYCLOAK.realmsNamed(realm)).isZero();

            Map<?, ?> retried = post(ADMIN, "/api/platform/tenants/{id}/retry", Map.of(), id)
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(tenantOf(retried).get("status")).isEqualTo("ACTIVE");
            assertThat(stepsOf(tenantOf(retried)).get("REALM"))
                    .containsEntry("status", "DONE")
                    .containsEntry("attempts", 3);
            assertThat((String) retried.get("temporaryPassword")).hasSize(20);
            assertThat(KEYCLOAK.realmsNamed(realm)).isEqualTo(1);
            assertThat(firstAdminToken(code)).isNotBlank();
        }

        @Test
        void retryAfterKeycloakWasUnreachableNeverAdoptsARealmItDidNotCreate() {
            String code = newCode();
            String realm = code.toLowerCase();
            String id;
            try (UnreachableKeycloak down = new UnreachableKeycloak(keycloakProperties)) {
                keycloakDownFor(down.realms());
                id = post(ADMIN, "/api/platform/tenants", request(code, null))
                        .expectStatus()
                        .isEqualTo(503)
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("tenantId")
                        .toString();
            } finally {
                keycloakBack();
            }
            // Meanwhile a realm of that name appeared, which the check at the start could not see.
            KEYCLOAK.createForeignRealm(realm);

            Map<?, ?> retried = post(ADMIN, "/api/platform/tenants/{id}/retry", Map.of(), id)
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(tenantOf(retried).get("status")).isEqualTo("PROVISIONING");
            assertThat(stepsOf(tenantOf(retried)).get("REALM"))
                    .containsEntry("status", "FAILED")
                    .containsEntry("errorCode", "REALM_NOT_CUSTODIA");
            assertThat(KEYCLOAK.realmsNamed(realm)).isEqualTo(1);
        }

        @ParameterizedTest
        @CsvSource({
            "code, kz, 400",
            "defaultLanguage, de, 400",
            "timeZone, Mars/Olympus, 422",
            "country, XX, 422",
            "methodologyFrom, NOPE, 422"
        })
        void refusesBadInputNamingTheField(String field, String value, int status) {
            String code = newCode();
            Map<String, Object> request = request(code, null);
            request.put(field, value);
            post(ADMIN, "/api/platform/tenants", request)
                    .expectStatus()
                    .isEqualTo(status)
                    .expectHeader()
                    .contentType("application/problem+json")
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(field);
            assertThat(KEYCLOAK.realmsNamed(code.toLowerCase())).isZero();
        }

        @Test
        void refusesALanguageCustodiaDoesNotSpeak() {
            Map<String, Object> request = request(newCode(), null);
            request.put("displayName", Map.of("en", "Test", "fr", "Test", "de", "Test"));
            post(ADMIN, "/api/platform/tenants", request)
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("displayName.de");
        }

        @ParameterizedTest
        @CsvSource({"KZ", "MASTER", "PLATFORM"})
        void refusesACodeOrRealmTaken(String code) {
            post(ADMIN, "/api/platform/tenants", request(code, null))
                    .expectStatus()
                    .isEqualTo(409);
        }

        @Test
        void rejectsMissingTokenAndOtherRoles() {
            client.post()
                    .uri("/api/platform/tenants")
                    .bodyValue(request(newCode(), null))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            for (String role : List.of("platform:PROGRAMME_COORDINATOR", "kz:COUNTRY_ADMIN")) {
                post(role, "/api/platform/tenants", request(newCode(), null))
                        .expectStatus()
                        .isForbidden();
            }
        }
    }

    @Nested
    @DisplayName("POST /api/platform/tenants/{id}/suspension and /reactivation")
    class Suspension {

        @Test
        void suspendedTenantsTokensAreRefusedAtOnceAndWorkAgainAfterReactivation() {
            String code = newCode();
            String id = (String) tenantOf(onboard(request(code, null))).get("id");
            String token = firstAdminToken(code);
            getWithToken(token, "/api/methodology/risk-levels").expectStatus().isOk();
            client.put()
                    .uri("/api/methodology/risk-levels")
                    .header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .bodyValue(riskScale(0, "KEEP_LOW", "KEEP_HIGH"))
                    .exchange()
                    .expectStatus()
                    .isOk();
            Map<?, ?> detail = getAs(ADMIN, "/api/platform/tenants/{id}", id)
                    .exchange()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            Number version = (Number) ((Map<?, ?>) detail.get("tenant")).get("version");

            post(ADMIN, "/api/platform/tenants/{id}/suspension", Map.of("version", version, "reason", "test"), id)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("SUSPENDED");
            getWithToken(token, "/api/methodology/risk-levels").expectStatus().isUnauthorized();
            client.get()
                    .uri("/api/public/tenants")
                    .exchange()
                    .expectBody()
                    .jsonPath("$[?(@.code == '" + code + "')]")
                    .isEmpty();

            post(ADMIN, "/api/platform/tenants/{id}/suspension", Map.of("version", version.longValue() + 1), id)
                    .expectStatus()
                    .isEqualTo(409);
            post(ADMIN, "/api/platform/tenants/{id}/reactivation", Map.of("version", version), id)
                    .expectStatus()
                    .isEqualTo(409);
            post(ADMIN, "/api/platform/tenants/{id}/reactivation", Map.of("version", version.longValue() + 1), id)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("ACTIVE");
            assertThat(riskLevelCodes(getWithToken(token, "/api/methodology/risk-levels")))
                    .containsExactly("KEEP_LOW", "KEEP_HIGH");
        }

        @Test
        void rejectsMissingTokenOtherRolesAndUnknownTenants() {
            String kz = "01900000-0000-7000-8000-00000000004b";
            for (String action : List.of("suspension", "reactivation")) {
                client.post()
                        .uri("/api/platform/tenants/{id}/" + action, kz)
                        .bodyValue(Map.of("version", 0))
                        .exchange()
                        .expectStatus()
                        .isUnauthorized();
                for (String role : List.of("platform:PROGRAMME_COORDINATOR", "kz:COUNTRY_ADMIN")) {
                    post(role, "/api/platform/tenants/{id}/" + action, Map.of("version", 0), kz)
                            .expectStatus()
                            .isForbidden();
                }
                post(ADMIN, "/api/platform/tenants/{id}/" + action, Map.of("version", 0), UUID.randomUUID())
                        .expectStatus()
                        .isNotFound();
                post(ADMIN, "/api/platform/tenants/{id}/" + action, Map.of(), kz)
                        .expectStatus()
                        .isBadRequest()
                        .expectBody()
                        .jsonPath("$.errors[0].field")
                        .isEqualTo("version");
            }
            getAs("kz:ANALYST", "/api/methodology/risk-levels")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    @Nested
    @DisplayName("GET /api/platform/tenants, GET /api/platform/tenants/{id}, POST .../retry")
    class Reading {

        @Test
        void listsEveryTenantWithItsStatus() {
            getAs(ADMIN, "/api/platform/tenants")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[?(@.code == 'KZ')].status")
                    .isEqualTo(List.of("ACTIVE"))
                    .jsonPath("$[?(@.code == 'KZ')].country")
                    .isEqualTo(List.of("KZ"));
        }

        @Test
        void rejectsMissingTokenOtherRolesAndUnknownTenants() {
            String kz = "01900000-0000-7000-8000-00000000004b";
            client.get().uri("/api/platform/tenants").exchange().expectStatus().isUnauthorized();
            client.get()
                    .uri("/api/platform/tenants/{id}", kz)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            client.post()
                    .uri("/api/platform/tenants/{id}/retry", kz)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            for (String role : List.of("platform:PROGRAMME_COORDINATOR", "kz:COUNTRY_ADMIN", "kg:AUDITOR")) {
                getAs(role, "/api/platform/tenants").exchange().expectStatus().isForbidden();
                getAs(role, "/api/platform/tenants/{id}", kz)
                        .exchange()
                        .expectStatus()
                        .isForbidden();
                post(role, "/api/platform/tenants/{id}/retry", Map.of(), kz)
                        .expectStatus()
                        .isForbidden();
            }
            getAs(ADMIN, "/api/platform/tenants/{id}", UUID.randomUUID())
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            post(ADMIN, "/api/platform/tenants/{id}/retry", Map.of(), UUID.randomUUID())
                    .expectStatus()
                    .isNotFound();
        }

        @Test
        void platformAdminSeesNoPersonLevelData() {
            for (String uri : List.of("/api/prisoners", "/api/methodology/risk-levels", "/api/audit/entries")) {
                getAs(ADMIN, uri).exchange().expectStatus().isForbidden();
            }
        }
    }
}
