package org.custodia.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.OwnerDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

class CycleSettingIT extends IntegrationTestBase {

    private static final String SETTINGS = "/api/cycle-settings";

    private static final List<String> NOT_ADMINS = List.of(
            "kg:ASSESSOR",
            "kg:SUPERVISOR",
            "kg:ANALYST",
            "kg:AUDITOR",
            "platform:PLATFORM_ADMIN",
            "platform:PROGRAMME_COORDINATOR");

    private WebTestClient.ResponseSpec put(String realmAndRole, Object months, Object version) {
        Map<String, Object> form = new HashMap<>();
        form.put("preReleaseMonths", months);
        form.put("version", version);
        return requestAs(realmAndRole, HttpMethod.PUT, SETTINGS).bodyValue(form).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String realm) {
        return getAs(realm + ":COUNTRY_ADMIN", SETTINGS)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /** Kyrgyzstan's row is removed first, so the test starts from the defaults whatever ran before. */
    private static void forgetKyrgyzSettings() {
        OwnerDatabase.execute("select set_config('app.tenant_id', '" + DemoTenants.KG
                + "', false); delete from cycle_setting; select set_config('app.tenant_id', '', false)");
    }

    @Nested
    @DisplayName("GET /api/cycle-settings")
    class GetSettings {

        @Test
        void givesTheDefaultsUntilFirstChanged() {
            forgetKyrgyzSettings();
            getAs("kg:COUNTRY_ADMIN", SETTINGS)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.preReleaseMonths")
                    .isEqualTo(6)
                    .jsonPath("$.version")
                    .isEqualTo(0);
        }

        @Test
        void rejectsMissingToken() {
            client.get().uri(SETTINGS).exchange().expectStatus().isUnauthorized();
        }

        @Test
        void rejectsWrongRoles() {
            for (String role : NOT_ADMINS) {
                getAs(role, SETTINGS).exchange().expectStatus().isForbidden();
            }
        }
    }

    @Nested
    @DisplayName("PUT /api/cycle-settings")
    class ChangeSettings {

        @Test
        void changesUnderOptimisticLockingAndOnlyInTheCallersCountry() {
            forgetKyrgyzSettings();
            int kazakh = ((Number) read("kz").get("preReleaseMonths")).intValue();
            try {
                put("kg:COUNTRY_ADMIN", 9, 0)
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.preReleaseMonths")
                        .isEqualTo(9)
                        .jsonPath("$.version")
                        .isEqualTo(1);
                put("kg:COUNTRY_ADMIN", 12, 1).expectStatus().isOk();
                put("kg:COUNTRY_ADMIN", 3, 1).expectStatus().isEqualTo(409);
                put("kg:COUNTRY_ADMIN", 3, 0).expectStatus().isEqualTo(409);

                Map<String, Object> kyrgyz = read("kg");
                assertThat(kyrgyz).containsEntry("preReleaseMonths", 12);
                assertThat(kyrgyz).containsEntry("version", 2);
                assertThat(read("kz")).containsEntry("preReleaseMonths", kazakh);

                getAs("kg:AUDITOR", "/api/audit/entries?action=CYCLE_SETTINGS_CHANGED&limit=1")
                        .exchange()
                        .expectBody()
                        .jsonPath("$.entries[0].before.preReleaseMonths")
                        .isEqualTo(9)
                        .jsonPath("$.entries[0].after.preReleaseMonths")
                        .isEqualTo(12);
            } finally {
                forgetKyrgyzSettings();
            }
        }

        @Test
        void refusesAWindowOutsideOneToThirtySixMonthsNamingTheField() {
            forgetKyrgyzSettings();
            for (Object months : new Object[] {0, 37, -1, null}) {
                put("kg:COUNTRY_ADMIN", months, 0)
                        .expectStatus()
                        .isBadRequest()
                        .expectBody()
                        .jsonPath("$.errors[0].field")
                        .isEqualTo("preReleaseMonths");
            }
            put("kg:COUNTRY_ADMIN", 6, null)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("version");
            assertThat(read("kg")).containsEntry("version", 0);
        }

        @Test
        void rejectsMissingToken() {
            client.put()
                    .uri(SETTINGS)
                    .bodyValue(Map.of("preReleaseMonths", 6, "version", 0))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsWrongRoles() {
            forgetKyrgyzSettings();
            for (String role : NOT_ADMINS) {
                put(role, 3, 0).expectStatus().isForbidden();
            }
            assertThat(read("kg")).containsEntry("version", 0);
        }
    }
}
