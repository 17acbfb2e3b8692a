package org.custodia.methodology;

import static org.assertj.core.api.Assertions.assertThat;

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

@DisplayName("Classification scheme")
class SchemeControllerIT extends IntegrationTestBase {

    private static final String VERSIONS = "/api/methodology/classification-scheme/versions";

    private MethodologyApi api;

    @BeforeEach
    void api() {
        api = new MethodologyApi(client, tokens);
    }

    /** Later tests reason about the seeded methodology: put it back in force. */
    @AfterEach
    void restoreSeededMethodology() {
        SeededMethodology seeded = new SeededMethodology(client, tokens);
        seeded.restore("kz");
        seeded.restore("kg");
    }

    /** A draft of the fixture scheme for the realm's tenant; deletes nothing, so it first publishes any old draft away. */
    private String draft(String realm, Map<String, Object> definition) {
        List<?> versions = client.get()
                .uri(VERSIONS)
                .header("Authorization", "Bearer " + tokens.of(realm + ":COUNTRY_ADMIN"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        for (Object version : versions) {
            Map<?, ?> v = (Map<?, ?>) version;
            if ("DRAFT".equals(v.get("status"))) {
                api.body(
                        api.call(
                                realm + ":COUNTRY_ADMIN",
                                "PUT",
                                VERSIONS + "/" + v.get("id"),
                                Map.of("definition", definition, "version", v.get("version"))),
                        200);
                return (String) v.get("id");
            }
        }
        return (String)
                api.body(api.call(realm + ":COUNTRY_ADMIN", "POST", VERSIONS, Map.of("definition", definition)), 201)
                        .get("id");
    }

    private String published(String realm) {
        String id = draft(realm, MethodologyApi.definition("scheme.json"));
        Map<?, ?> current = api.body(api.call(realm + ":ANALYST", "GET", VERSIONS + "/" + id, null), 200);
        api.body(
                api.call(
                        realm + ":COUNTRY_ADMIN",
                        "POST",
                        VERSIONS + "/" + id + "/publish",
                        Map.of("version", current.get("version"))),
                200);
        return id;
    }

    private static Map<String, Object> facts(String courtRegime, List<Map<String, Object>> offences) {
        return Map.of(
                "prisoner", Map.of("age", 30, "sex", "M"),
                "sentence", Map.of("lengthMonths", 84, "remainingMonths", 50, "courtRegime", courtRegime),
                "offences", offences,
                "flags", List.of("VEO"),
                "assessments", Map.of("ve", Map.of("overall", "HIGH", "levels", Map.of(), "scales", Map.of())));
    }

    @Nested
    @DisplayName("POST /api/methodology/classification-scheme/versions")
    class NewDraft {

        @Test
        void rejectsMissingToken() {
            client.post()
                    .uri(VERSIONS)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of())
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsASupervisor() {
            api.call("kz:SUPERVISOR", "POST", VERSIONS, Map.of()).expectStatus().isForbidden();
        }

        @Test
        void aDraftWithABrokenRuleNamesItAndCannotBePublished() {
            Map<String, Object> broken = MethodologyApi.definition("scheme.json");
            @SuppressWarnings("unchecked")
            Map<String, Object> firstRule = (Map<String, Object>) ((List<?>) broken.get("rules")).get(0);
            firstRule.put("when", "sentence.life &&");
            String id = draft("kg", broken);
            Map<?, ?> view = api.body(api.call("kg:ANALYST", "GET", VERSIONS + "/" + id, null), 200);
            assertThat(view.get("problems").toString()).contains("definition.rules[0].when");
            api.call(
                            "kg:COUNTRY_ADMIN",
                            "POST",
                            VERSIONS + "/" + id + "/publish",
                            Map.of("version", view.get("version")))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("definition.rules[0].when")
                    .jsonPath("$.errors[0].line")
                    .isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("POST /api/methodology/classification-scheme/versions/{id}/publish")
    class Publish {

        /**
         * A rule comparing an assessed level with a level the country does not have would never match. Other literals
         * (a sex, a flag) are not risk levels.
         */
        @Test
        void refusesARuleComparingAnAssessedLevelWithALevelTheCountryLacksAndChangesNothing() {
            Map<String, Object> definition = MethodologyApi.definition("scheme.json");
            @SuppressWarnings("unchecked")
            Map<String, Object> secondRule = (Map<String, Object>) ((List<?>) definition.get("rules")).get(1);
            secondRule.put(
                    "when",
                    "prisoner.sex == 'M' && 'VEO' in flags && has(assessments.ve)\n"
                            + "  && assessments.ve.overall in ['HIGH', 'SEVERE']");
            String id = draft("kz", definition);
            Object inForce = api.body(
                            api.call("kz:ANALYST", "GET", "/api/methodology/classification-scheme", null), 200)
                    .get("id");
            Map<?, ?> view = api.body(api.call("kz:ANALYST", "GET", VERSIONS + "/" + id, null), 200);
            assertThat((List<?>) view.get("problems")).singleElement().satisfies(problem -> {
                Map<?, ?> fields = (Map<?, ?>) problem;
                assertThat(fields.get("field")).isEqualTo("definition.rules[1].when");
                assertThat(fields.get("line")).isEqualTo(2);
                assertThat(fields.get("column")).isEqualTo(41);
                assertThat((String) fields.get("message"))
                        .startsWith("'SEVERE' is not one of this country's risk levels [");
            });
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "POST",
                            VERSIONS + "/" + id + "/publish",
                            Map.of("version", view.get("version")))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors.length()")
                    .isEqualTo(1)
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("definition.rules[1].when")
                    .jsonPath("$.errors[0].line")
                    .isEqualTo(2)
                    .jsonPath("$.errors[0].column")
                    .isEqualTo(41);
            api.call("kz:ANALYST", "GET", "/api/methodology/classification-scheme", null)
                    .expectBody()
                    .jsonPath("$.id")
                    .isEqualTo(inForce);
            api.call("kz:ANALYST", "GET", VERSIONS + "/" + id, null)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("DRAFT");
        }
    }

    @Nested
    @DisplayName("GET /api/methodology/classification-scheme")
    class InForce {

        @Test
        void rejectsMissingToken() {
            client.get()
                    .uri("/api/methodology/classification-scheme")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void publishingReplacesTheSchemeInForce() {
            String first = published("kz");
            String second = published("kz");
            api.call("kz:ASSESSOR", "GET", "/api/methodology/classification-scheme", null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.id")
                    .isEqualTo(second);
            api.call("kz:ASSESSOR", "GET", VERSIONS + "/" + first, null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("RETIRED");
        }

        @Test
        void oneCountrySeesNoneOfAnothersVersions() {
            String kz = published("kz");
            api.call("kg:COUNTRY_ADMIN", "GET", VERSIONS + "/" + kz, null)
                    .expectStatus()
                    .isNotFound();
            api.call("kg:COUNTRY_ADMIN", "GET", VERSIONS, null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[?(@.id == '" + kz + "')]")
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("POST /api/methodology/classification-scheme/versions/{id}/evaluate")
    class Evaluate {

        @Test
        void rejectsMissingToken() {
            client.post()
                    .uri(VERSIONS + "/{id}/evaluate", UUID.randomUUID())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("facts", facts("medium", List.of())))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void proposesWithATraceAndChecksTheConstraints() {
            String id = published("kz");
            api.call(
                            "kz:ASSESSOR",
                            "POST",
                            VERSIONS + "/" + id + "/evaluate",
                            Map.of("facts", facts("medium", List.of()), "category", "settlement"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.proposal.category")
                    .isEqualTo("maximum")
                    .jsonPath("$.proposal.trace.length()")
                    .isEqualTo(2)
                    .jsonPath("$.proposal.trace[1].rule")
                    .isEqualTo("veo_high")
                    .jsonPath("$.proposal.trace[1].matched")
                    .isEqualTo(true)
                    .jsonPath("$.violations[0].constraint")
                    .isEqualTo("court_regime")
                    .jsonPath("$.violations[0].message.en")
                    .isEqualTo("Never below the regime the court ordered");
        }

        @Test
        void namesAnUnknownCategoryAndBadFacts() {
            String id = published("kz");
            api.call(
                            "kz:ASSESSOR",
                            "POST",
                            VERSIONS + "/" + id + "/evaluate",
                            Map.of("facts", facts("medium", List.of()), "category", "dungeon"))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("category");
            api.call(
                            "kz:ASSESSOR",
                            "POST",
                            VERSIONS + "/" + id + "/evaluate",
                            Map.of(
                                    "facts",
                                    Map.of(
                                            "prisoner", Map.of("age", 30, "sex", "X"),
                                            "sentence", Map.of("lengthMonths", 10, "remainingMonths", 5))))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("facts.prisoner.sex");
        }

        @Test
        void hidesAnotherCountrysScheme() {
            String id = published("kz");
            api.call("kg:ASSESSOR", "POST", VERSIONS + "/" + id + "/evaluate", Map.of("facts", facts("", List.of())))
                    .expectStatus()
                    .isNotFound();
        }
    }
}
