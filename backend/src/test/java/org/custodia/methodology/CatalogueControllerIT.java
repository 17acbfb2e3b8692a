package org.custodia.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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

@DisplayName("Offences and programmes")
class CatalogueControllerIT extends IntegrationTestBase {

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

    private Number version(String realm, String list) {
        return (Number) api.body(api.call(realm + ":ANALYST", "GET", "/api/methodology/" + list, null), 200)
                .get("version");
    }

    private static Map<String, Object> offence(String code, String gravity) {
        return Map.of("code", code, "name", Map.of("en", "Offence " + code, "kk", "x", "ky", "x"), "gravity", gravity);
    }

    @Nested
    @DisplayName("PUT /api/methodology/offences")
    class Offences {

        @Test
        void rejectsMissingTokenAndOtherRoles() {
            client.put()
                    .uri("/api/methodology/offences")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("version", 0, "offences", List.of()))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            api.call("kz:SUPERVISOR", "PUT", "/api/methodology/offences", Map.of("version", 0, "offences", List.of()))
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        void replacesTheListForOneCountryOnly() {
            String marker = "t" + UUID.randomUUID().toString().substring(0, 8);
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/offences",
                            Map.of(
                                    "version",
                                    version("kz", "offences"),
                                    "offences",
                                    List.of(offence("255.1", "ESPECIALLY_GRAVE"), offence(marker, "MINOR"))))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.offences[1].code")
                    .isEqualTo(marker);
            api.call("kz:ASSESSOR", "GET", "/api/methodology/offences", null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.offences[0].gravity")
                    .isEqualTo("ESPECIALLY_GRAVE");
            api.call("kg:ASSESSOR", "GET", "/api/methodology/offences", null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.offences[?(@.code == '" + marker + "')]")
                    .isEmpty();
        }

        @Test
        void namesADuplicateAndRefusesAStaleVersion() {
            Number current = version("kg", "offences");
            api.call(
                            "kg:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/offences",
                            Map.of(
                                    "version",
                                    current,
                                    "offences",
                                    List.of(offence("1", "MINOR"), offence("1", "GRAVE"))))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("offences[1].code");
            assertThat(version("kg", "offences")).isEqualTo(current);
            api.call(
                            "kg:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/offences",
                            Map.of("version", current.longValue() + 5, "offences", List.of()))
                    .expectStatus()
                    .isEqualTo(409);
        }

        @Test
        void namesABadGravity() {
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/offences",
                            Map.of("version", 0, "offences", List.of(offence("1", "very bad"))))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("offences[0].gravity");
        }
    }

    @Nested
    @DisplayName("PUT /api/methodology/programmes")
    class Programmes {

        private Map<String, Object> programme(String code, String eligibility) {
            Map<String, Object> programme = new HashMap<>(Map.of(
                    "code",
                    code,
                    "name",
                    Map.of("en", "Programme", "kk", "x", "ky", "x"),
                    "needs",
                    List.of("education")));
            if (eligibility != null) {
                programme.put("eligibility", eligibility);
            }
            return programme;
        }

        @Test
        void rejectsMissingToken() {
            client.get()
                    .uri("/api/methodology/programmes")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void savesProgrammesWithTheirEligibility() {
            String code = "disengagement_" + UUID.randomUUID().toString().substring(0, 8);
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/programmes",
                            Map.of(
                                    "version",
                                    version("kz", "programmes"),
                                    "programmes",
                                    List.of(
                                            programme("literacy", null),
                                            programme(code, "'VEO' in flags && sentence.remainingMonths >= 6"))))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.programmes[1].eligibility")
                    .isEqualTo("'VEO' in flags && sentence.remainingMonths >= 6")
                    .jsonPath("$.programmes[0].eligibility")
                    .doesNotExist();
            api.call("kg:COUNTRY_ADMIN", "GET", "/api/methodology/programmes", null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.programmes[?(@.code == '" + code + "')]")
                    .isEmpty();
        }

        @Test
        void namesAWrongEligibilityWithItsPosition() {
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/programmes",
                            Map.of(
                                    "version",
                                    version("kz", "programmes"),
                                    "programmes",
                                    List.of(programme("broken", "prisoner.age >= 18 &&\n  sentence.nope("))))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("programmes[0].eligibility")
                    .jsonPath("$.errors[0].line")
                    .isEqualTo(2);
        }
    }
}
