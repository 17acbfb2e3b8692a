package org.custodia.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@DisplayName("Profile")
class ProfileControllerIT extends IntegrationTestBase {

    private WebTestClient.ResponseSpec save(String realmAndRole, Object body) {
        return client.put()
                .uri("/api/me/preferences")
                .header(HttpHeaders.AUTHORIZATION, bearer(tokens.of(realmAndRole)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** The caller's current preferences version, saving a first value when there is none yet. */
    private long currentVersion(String realmAndRole) {
        Map<?, ?> me = getAs(realmAndRole, "/api/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        if (me.get("preferences") instanceof Map<?, ?> preferences) {
            return ((Number) preferences.get("version")).longValue();
        }
        return ((Number) save(realmAndRole, Map.of("language", "en"))
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("version"))
                .longValue();
    }

    @Nested
    @DisplayName("GET /api/me")
    class Me {

        @Test
        void rejectsMissingToken() {
            client.get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        }

        @Test
        void namesTheCallerTheirTenantAndTheirRolesOnly() {
            getAs("kz:COUNTRY_ADMIN", "/api/me")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.username")
                    .isEqualTo(Tokens.usernameOf("kz", "COUNTRY_ADMIN"))
                    .jsonPath("$.tenant.code")
                    .isEqualTo("KZ")
                    .jsonPath("$.tenant.displayName.ru")
                    .isEqualTo("Казахстан")
                    .jsonPath("$.tenant.timeZone")
                    .isEqualTo("Asia/Almaty")
                    .jsonPath("$.roles.length()")
                    .isEqualTo(1)
                    .jsonPath("$.roles[0]")
                    .isEqualTo("COUNTRY_ADMIN");
        }

        @Test
        void platformStaffHaveNoTenantAndNoPreferences() {
            getAs("platform:PLATFORM_ADMIN", "/api/me")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.tenant")
                    .doesNotExist()
                    .jsonPath("$.preferences")
                    .doesNotExist()
                    .jsonPath("$.roles[0]")
                    .isEqualTo("PLATFORM_ADMIN");
        }
    }

    @Nested
    @DisplayName("PUT /api/me/preferences")
    class SavePreferences {

        @Test
        void rejectsMissingToken() {
            client.put()
                    .uri("/api/me/preferences")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("language", "fr"))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsPlatformStaff() {
            save("platform:PROGRAMME_COORDINATOR", Map.of("language", "fr"))
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        void savesAndReadsBackTheLanguage() {
            long version = currentVersion("kz:SUPERVISOR");
            save("kz:SUPERVISOR", Map.of("language", "kk", "version", version))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.language")
                    .isEqualTo("kk")
                    .jsonPath("$.version")
                    .isEqualTo(version + 1);
            getAs("kz:SUPERVISOR", "/api/me")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.preferences.language")
                    .isEqualTo("kk");
        }

        @Test
        void refusesAStaleVersionAndKeepsTheNewerValue() {
            long version = currentVersion("kg:ANALYST");
            save("kg:ANALYST", Map.of("language", "ky", "version", version))
                    .expectStatus()
                    .isOk();
            save("kg:ANALYST", Map.of("language", "ar", "version", version))
                    .expectStatus()
                    .isEqualTo(409)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            getAs("kg:ANALYST", "/api/me")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.preferences.language")
                    .isEqualTo("ky")
                    .jsonPath("$.preferences.version")
                    .isEqualTo(version + 1);
        }

        @Test
        void refusesAnOverwriteWithoutVersion() {
            currentVersion("kz:AUDITOR");
            save("kz:AUDITOR", Map.of("language", "fr")).expectStatus().isEqualTo(409);
        }

        @Test
        void rejectsAnUnknownLanguageNamingTheFieldAndChangesNothing() {
            long version = currentVersion("kz:ASSESSOR");
            save("kz:ASSESSOR", Map.of("language", "xx", "version", version))
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("language");
            assertThat(currentVersion("kz:ASSESSOR")).isEqualTo(version);
        }

        @Test
        void rejectsATenantChosenInTheBodyNamingTheField() {
            save("kz:ASSESSOR", Map.of("language", "ru", "tenantId", "01900000-0000-7000-8000-00000000004c"))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("tenantId");
        }

        @Test
        void rejectsMalformedJson() {
            client.put()
                    .uri("/api/me/preferences")
                    .header(HttpHeaders.AUTHORIZATION, bearer(tokens.of("kz:ASSESSOR")))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"language\": ")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(400);
        }

        @Test
        void eachTenantsUsersKeepTheirOwnPreferences() {
            long kz = currentVersion("kz:COUNTRY_ADMIN");
            long kg = currentVersion("kg:COUNTRY_ADMIN");
            save("kz:COUNTRY_ADMIN", Map.of("language", "ru", "version", kz))
                    .expectStatus()
                    .isOk();
            save("kg:COUNTRY_ADMIN", Map.of("language", "ar", "version", kg))
                    .expectStatus()
                    .isOk();
            getAs("kz:COUNTRY_ADMIN", "/api/me")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.preferences.language")
                    .isEqualTo("ru");
            getAs("kg:COUNTRY_ADMIN", "/api/me")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.preferences.language")
                    .isEqualTo("ar");
        }
    }
}
