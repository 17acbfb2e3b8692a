package org.custodia.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.SeededMethodology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

@DisplayName("Risk levels")
class RiskScaleControllerIT extends IntegrationTestBase {

    private MethodologyApi api;

    @BeforeEach
    void api() {
        api = new MethodologyApi(client, tokens);
    }

    /** A test here may publish another scheme: later tests reason about the seeded one. */
    @AfterEach
    void restoreSeededMethodology() {
        new SeededMethodology(client, tokens).restore("kz");
    }

    private Number versionOf(String realm) {
        return (Number) api.body(api.call(realm + ":ANALYST", "GET", "/api/methodology/risk-levels", null), 200)
                .get("version");
    }

    @Nested
    @DisplayName("GET /api/methodology/risk-levels")
    class Read {

        @Test
        void rejectsMissingToken() {
            client.get()
                    .uri("/api/methodology/risk-levels")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsPlatformStaff() {
            api.call("platform:PROGRAMME_COORDINATOR", "GET", "/api/methodology/risk-levels", null)
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        void everyRoleOfTheCountryReadsIt() {
            api.ensureFourLevels("kz");
            for (String role : List.of("ASSESSOR", "SUPERVISOR", "ANALYST", "AUDITOR", "COUNTRY_ADMIN")) {
                api.call("kz:" + role, "GET", "/api/methodology/risk-levels", null)
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.levels[?(@.code == 'VERY_HIGH')].commonLevel")
                        .isEqualTo("VERY_HIGH");
            }
        }
    }

    @Nested
    @DisplayName("PUT /api/methodology/risk-levels")
    class Replace {

        private Map<String, Object> scale(Object version, List<?> levels) {
            return Map.of("version", version, "levels", levels);
        }

        @Test
        void rejectsMissingToken() {
            client.put()
                    .uri("/api/methodology/risk-levels")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(scale(0, MethodologyApi.FOUR_LEVELS))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsAnAssessor() {
            api.call(
                            "kz:ASSESSOR",
                            "PUT",
                            "/api/methodology/risk-levels",
                            scale(versionOf("kz"), MethodologyApi.FOUR_LEVELS))
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        void oneCountrysLevelsAreNotAnothers() {
            api.ensureFourLevels("kg");
            api.ensureFourLevels("kz");
            Map<?, ?> kzBefore = api.body(api.call("kz:ANALYST", "GET", "/api/methodology/risk-levels", null), 200);
            List<Object> five = new ArrayList<>((List<?>) kzBefore.get("levels"));
            five.add(MethodologyApi.level("EXTREME", "Extreme", "VERY_HIGH"));
            String kgBefore = api.body(api.call("kg:ANALYST", "GET", "/api/methodology/risk-levels", null), 200)
                    .toString();
            try {
                api.call("kz:COUNTRY_ADMIN", "PUT", "/api/methodology/risk-levels", scale(versionOf("kz"), five))
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.levels[" + (five.size() - 1) + "].code")
                        .isEqualTo("EXTREME");
                api.call("kg:ANALYST", "GET", "/api/methodology/risk-levels", null)
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .value(kg -> assertThat(kg.toString()).isEqualTo(kgBefore));
            } finally {
                api.replaceLevels("kz", versionOf("kz"), (List<?>) kzBefore.get("levels"));
            }
        }

        @Test
        void refusesAStaleVersion() {
            api.ensureFourLevels("kz");
            Number version = versionOf("kz");
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/risk-levels",
                            scale(version.longValue() - 1, MethodologyApi.FOUR_LEVELS))
                    .expectStatus()
                    .isEqualTo(409);
        }

        @Test
        void namesTheDuplicatedCodeAndChangesNothing() {
            api.ensureFourLevels("kz");
            Number version = versionOf("kz");
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/risk-levels",
                            scale(
                                    version,
                                    List.of(
                                            MethodologyApi.level("LOW", "Low", "LOW"),
                                            MethodologyApi.level("LOW", "Low again", "MEDIUM"))))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("levels[1].code");
            assertThat(versionOf("kz")).isEqualTo(version);
        }

        /**
         * A level no band uses but an overall formula returns: removing it would leave every rating that formula
         * gives incomplete, so it is in use as much as a banded one.
         */
        @Test
        void refusesToRemoveALevelAPublishedOverallFormulaNamesAndChangesNothing() {
            api.ensureFourLevels("kz");
            Map<?, ?> before = api.body(api.call("kz:ANALYST", "GET", "/api/methodology/risk-levels", null), 200);
            String code =
                    "EXTREME_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            List<Object> withExtreme = new ArrayList<>((List<?>) before.get("levels"));
            withExtreme.add(MethodologyApi.level(code, "Extreme", "VERY_HIGH"));
            api.replaceLevels("kz", before.get("version"), withExtreme);
            Map<String, Object> definition = MethodologyApi.definition("custody-rating.json");
            definition.put(
                    "overall",
                    Map.of(
                            "mode",
                            "FORMULA",
                            "formula",
                            "levels.total == 'VERY_HIGH' ? '" + code + "' : levels.total"));
            api.publishedVersion("kz", definition);
            Number version = versionOf("kz");

            api.call("kz:COUNTRY_ADMIN", "PUT", "/api/methodology/risk-levels", scale(version, (List<?>)
                            before.get("levels")))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("levels")
                    .jsonPath("$.errors[0].message")
                    .value(message -> assertThat((String) message)
                            .contains("[" + code + "]")
                            .contains("overall formula"));
            assertThat(versionOf("kz")).isEqualTo(version);
        }

        /**
         * A level the classification scheme in force compares an assessed level with: without it the rule would never
         * match again.
         */
        @Test
        void refusesToRemoveALevelTheSchemeInForceNamesAndChangesNothing() {
            api.ensureFourLevels("kz");
            Map<?, ?> before = api.body(api.call("kz:ANALYST", "GET", "/api/methodology/risk-levels", null), 200);
            String code =
                    "SEVERE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            List<Object> withSevere = new ArrayList<>((List<?>) before.get("levels"));
            withSevere.add(MethodologyApi.level(code, "Severe", "VERY_HIGH"));
            api.replaceLevels("kz", before.get("version"), withSevere);
            Map<String, Object> scheme = MethodologyApi.definition("scheme.json");
            @SuppressWarnings("unchecked")
            Map<String, Object> firstRule = (Map<String, Object>) ((List<?>) scheme.get("rules")).get(0);
            firstRule.put("when", "has(assessments.ve) && assessments.ve.levels.intent == '" + code + "'");
            new SeededMethodology(client, tokens).publishScheme("kz", scheme);
            Number version = versionOf("kz");

            api.call("kz:COUNTRY_ADMIN", "PUT", "/api/methodology/risk-levels", scale(version, (List<?>)
                            before.get("levels")))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("levels")
                    .jsonPath("$.errors[0].message")
                    .value(message -> assertThat((String) message)
                            .contains("[" + code + "]")
                            .contains("classification scheme in force"));
            assertThat(versionOf("kz")).isEqualTo(version);

            // once the scheme in force no longer names it, the level may go
            new SeededMethodology(client, tokens).restore("kz");
            api.replaceLevels("kz", version, (List<?>) before.get("levels"));
        }

        @Test
        void namesALevelWithoutTheDefaultLanguage() {
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/risk-levels",
                            scale(
                                    versionOf("kz"),
                                    List.of(
                                            MethodologyApi.level("LOW", "Low", "LOW"),
                                            Map.of(
                                                    "code",
                                                    "HIGH",
                                                    "name",
                                                    Map.of("en", "High"),
                                                    "commonLevel",
                                                    "HIGH"))))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("levels[1].name.kk");
        }

        @Test
        void namesAnUnknownCommonLevel() {
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/risk-levels",
                            scale(
                                    versionOf("kz"),
                                    List.of(
                                            MethodologyApi.level("LOW", "Low", "LOW"),
                                            MethodologyApi.level("HIGH", "High", "EXTREME"))))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("levels[1].commonLevel");
        }
    }
}
