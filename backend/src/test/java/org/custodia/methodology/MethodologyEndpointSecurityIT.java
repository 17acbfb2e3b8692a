package org.custodia.methodology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The security ladder for every methodology endpoint that names a record: no token 401, a role that may not call it
 * 403, and another country's administrator 404 with nothing of the record in the answer.
 */
@DisplayName("Methodology endpoints: 401, 403, 404 across countries")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodologyEndpointSecurityIT extends IntegrationTestBase {

    private static final String ADMIN_ONLY = "kz:ASSESSOR";
    private static final String NOT_A_COUNTRY_USER = "platform:PROGRAMME_COORDINATOR";

    private final Map<String, String> ids = new HashMap<>();

    /** An endpoint, its body (valid, so that only the caller decides the answer) and who must be refused. */
    record Endpoint(HttpMethod method, String uri, Object body, String refusedRole) {
        @Override
        public String toString() {
            return method + " " + uri;
        }
    }

    @BeforeAll
    void kazakhstanRecords() {
        MethodologyApi api = new MethodologyApi(client, tokens);
        UUID instrument = api.newInstrument("kz");
        ids.put("instrument", instrument.toString());
        ids.put(
                "draft",
                api.draft("kz", instrument, MethodologyApi.definition("custody-rating.json"))
                        .toString());
        ids.put("version", api.publishedVersion("kz", "custody-rating.json").toString());
        ids.put("scheme", (String)
                api.body(api.call("kz:ANALYST", "GET", "/api/methodology/classification-scheme", null), 200)
                        .get("id"));
    }

    Stream<Endpoint> endpoints() {
        Map<String, Object> facts = Map.of(
                "facts",
                Map.of(
                        "prisoner", Map.of("age", 30, "sex", "M"),
                        "sentence", Map.of("lengthMonths", 10, "remainingMonths", 5)));
        return Stream.of(
                new Endpoint(HttpMethod.GET, "/api/methodology/instruments/{instrument}", null, NOT_A_COUNTRY_USER),
                new Endpoint(
                        HttpMethod.POST, "/api/methodology/instruments/{instrument}/versions", Map.of(), ADMIN_ONLY),
                new Endpoint(
                        HttpMethod.GET, "/api/methodology/instrument-versions/{version}", null, NOT_A_COUNTRY_USER),
                new Endpoint(
                        HttpMethod.PUT,
                        "/api/methodology/instrument-versions/{draft}",
                        Map.of("definition", Map.of(), "version", 0),
                        ADMIN_ONLY),
                new Endpoint(
                        HttpMethod.POST,
                        "/api/methodology/instrument-versions/{draft}/publish",
                        Map.of("version", 0),
                        ADMIN_ONLY),
                new Endpoint(
                        HttpMethod.POST,
                        "/api/methodology/instrument-versions/{version}/retire",
                        Map.of("version", 1),
                        ADMIN_ONLY),
                new Endpoint(
                        HttpMethod.POST,
                        "/api/methodology/instrument-versions/{version}/dry-run",
                        Map.of("answers", Map.of()),
                        NOT_A_COUNTRY_USER),
                new Endpoint(
                        HttpMethod.GET,
                        "/api/methodology/instrument-versions/{version}/export",
                        null,
                        NOT_A_COUNTRY_USER),
                new Endpoint(
                        HttpMethod.GET,
                        "/api/methodology/classification-scheme/versions/{scheme}",
                        null,
                        NOT_A_COUNTRY_USER),
                new Endpoint(
                        HttpMethod.PUT,
                        "/api/methodology/classification-scheme/versions/{scheme}",
                        Map.of("definition", Map.of(), "version", 0),
                        ADMIN_ONLY),
                new Endpoint(
                        HttpMethod.POST,
                        "/api/methodology/classification-scheme/versions/{scheme}/publish",
                        Map.of("version", 0),
                        ADMIN_ONLY),
                new Endpoint(
                        HttpMethod.POST,
                        "/api/methodology/classification-scheme/versions/{scheme}/evaluate",
                        facts,
                        NOT_A_COUNTRY_USER));
    }

    private WebTestClient.ResponseSpec call(Endpoint endpoint, String as) {
        String uri = endpoint.uri();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            uri = uri.replace("{" + id.getKey() + "}", id.getValue());
        }
        WebTestClient.RequestBodySpec request = client.method(endpoint.method()).uri(uri);
        if (as != null) {
            request = request.header("Authorization", bearer(tokens.of(as)));
        }
        return endpoint.body() == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(endpoint.body())
                        .exchange();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void rejectsMissingToken(Endpoint endpoint) {
        call(endpoint, null).expectStatus().isUnauthorized();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void rejectsARoleThatMayNotCallIt(Endpoint endpoint) {
        call(endpoint, endpoint.refusedRole())
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void hidesTheRecordFromAnotherCountry(Endpoint endpoint) {
        call(endpoint, "kg:COUNTRY_ADMIN")
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.definition")
                .doesNotExist()
                .jsonPath("$.code")
                .doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listEndpoints")
    void listsRejectMissingTokenAndNonCountryUsers(String uri) {
        client.get().uri(uri).exchange().expectStatus().isUnauthorized();
        client.get()
                .uri(uri)
                .header("Authorization", bearer(tokens.of(NOT_A_COUNTRY_USER)))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    List<String> listEndpoints() {
        return List.of(
                "/api/methodology/instruments",
                "/api/methodology/classification-scheme",
                "/api/methodology/classification-scheme/versions",
                "/api/methodology/offences",
                "/api/methodology/programmes");
    }
}
