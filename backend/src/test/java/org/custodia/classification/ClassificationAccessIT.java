package org.custodia.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.custodia.testsupport.ClassificationApi;
import org.custodia.testsupport.CycleApi;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every classification endpoint: no token 401; roles that do not work with prisoners 403 (and assessors on the
 * supervisors' endpoints); another country's ids 404 with no data, and nothing changed.
 */
class ClassificationAccessIT extends IntegrationTestBase {

    private static final List<String> OUTSIDERS = List.of(
            "kz:ANALYST",
            "kz:AUDITOR",
            "kz:COUNTRY_ADMIN",
            "platform:PLATFORM_ADMIN",
            "platform:PROGRAMME_COORDINATOR");

    /** What an endpoint names in its path. */
    enum Target {
        PRISONER,
        DECISION,
        NOTHING
    }

    enum Endpoint {
        PROPOSE(HttpMethod.POST, "/api/prisoners/{id}/classifications", Target.PRISONER, false, null),
        HISTORY(HttpMethod.GET, "/api/prisoners/{id}/classifications", Target.PRISONER, false, null),
        INBOX(HttpMethod.GET, "/api/classifications/inbox", Target.NOTHING, true, null),
        INBOX_COUNT(HttpMethod.GET, "/api/classifications/inbox/count", Target.NOTHING, true, null),
        READ(HttpMethod.GET, "/api/classifications/{id}", Target.DECISION, false, null),
        ACCEPT(HttpMethod.POST, "/api/classifications/{id}/accept", Target.DECISION, false, Map.of("version", 1)),
        OVERRIDE(
                HttpMethod.POST,
                "/api/classifications/{id}/override",
                Target.DECISION,
                false,
                Map.of("version", 1, "category", "prison", "reason", "OTHER", "narrative", "Access test.")),
        APPROVE(HttpMethod.POST, "/api/classifications/{id}/approve", Target.DECISION, true, Map.of("version", 1)),
        REJECT(
                HttpMethod.POST,
                "/api/classifications/{id}/reject",
                Target.DECISION,
                true,
                Map.of("version", 1, "comment", "Access test.")),
        WITHDRAW(HttpMethod.POST, "/api/classifications/{id}/withdraw", Target.DECISION, false, Map.of("version", 1));

        final HttpMethod method;
        final String uri;
        final Target target;
        final boolean supervisorsOnly;
        final Map<String, Object> body;

        Endpoint(HttpMethod method, String uri, Target target, boolean supervisorsOnly, Map<String, Object> body) {
            this.method = method;
            this.uri = uri;
            this.target = target;
            this.supervisorsOnly = supervisorsOnly;
            this.body = body;
        }

        @Override
        public String toString() {
            return method + " " + uri;
        }
    }

    /** A prisoner of the realm with a decision awaiting approval (SUBMITTED, version 1). */
    record Fixture(UUID prisonerId, UUID decisionId) {}

    private static final Map<String, Fixture> FIXTURES = new ConcurrentHashMap<>();

    private Fixture fixture(String realm) {
        return FIXTURES.computeIfAbsent(realm, r -> {
            UUID prisonerId = new CycleApi(client, tokens).registerSentencedMan(r);
            ClassificationApi api = new ClassificationApi(client, tokens);
            UUID decisionId = ClassificationApi.idOf(api.proposed(r, prisonerId));
            api.stepped(r + ":ASSESSOR", decisionId, "accept", Map.of("version", 0));
            return new Fixture(prisonerId, decisionId);
        });
    }

    private WebTestClient.ResponseSpec call(Endpoint endpoint, Fixture fixture, String realmAndRole) {
        Object id = switch (endpoint.target) {
            case PRISONER -> fixture.prisonerId();
            case DECISION -> fixture.decisionId();
            case NOTHING -> "";
        };
        WebTestClient.RequestBodySpec request = client.method(endpoint.method).uri(endpoint.uri, id);
        if (realmAndRole != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer(tokens.of(realmAndRole)));
        }
        return endpoint.body == null
                ? request.exchange()
                : request.bodyValue(endpoint.body).exchange();
    }

    /** The decision still awaits approval, unchanged, and the prisoner is still unclassified. */
    private void assertUnchanged(String realm) {
        Fixture fixture = fixture(realm);
        getAs(realm + ":ASSESSOR", "/api/classifications/{id}", fixture.decisionId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("SUBMITTED")
                .jsonPath("$.version")
                .isEqualTo(1);
        getAs(realm + ":ASSESSOR", "/api/prisoners/{id}/classifications", fixture.prisonerId())
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1);
        getAs(realm + ":ASSESSOR", "/api/prisoners/{id}", fixture.prisonerId())
                .exchange()
                .expectBody()
                .jsonPath("$.currentCategory")
                .doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void refusesAMissingToken(Endpoint endpoint) {
        call(endpoint, fixture("kz"), null).expectStatus().isUnauthorized();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Endpoint.class)
    void refusesRolesThatDoNotWorkOnIt(Endpoint endpoint) {
        for (String role : OUTSIDERS) {
            call(endpoint, fixture("kz"), role)
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.id")
                    .doesNotExist();
        }
        if (endpoint.supervisorsOnly) {
            call(endpoint, fixture("kz"), "kz:ASSESSOR").expectStatus().isForbidden();
        }
        assertUnchanged("kz");
    }

    static Stream<Arguments> endpointsAcrossCountries() {
        return Stream.of(Endpoint.values())
                .filter(endpoint -> endpoint.target != Target.NOTHING)
                .flatMap(endpoint -> Stream.of(Arguments.of(endpoint, "kz", "kg"), Arguments.of(endpoint, "kg", "kz")));
    }

    @ParameterizedTest(name = "{0}: {1} ids called from {2}")
    @MethodSource("endpointsAcrossCountries")
    void findsNothingOfAnotherCountryAndChangesNothing(Endpoint endpoint, String home, String other) {
        for (String role : List.of(other + ":ASSESSOR", other + ":SUPERVISOR")) {
            if (endpoint.supervisorsOnly && role.endsWith("ASSESSOR")) {
                continue;
            }
            call(endpoint, fixture(home), role)
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.id")
                    .doesNotExist()
                    .jsonPath("$.facts")
                    .doesNotExist();
        }
        assertUnchanged(home);
    }

    @ParameterizedTest(name = "{0}'s decisions are not in {1}'s inbox")
    @MethodSource("countryPairs")
    void theInboxShowsOnlyTheCountrysOwnDecisions(String home, String other) {
        UUID decisionId = fixture(home).decisionId();
        ClassificationApi api = new ClassificationApi(client, tokens);
        assertThat(api.inboxItem(home + ":SUPERVISOR", decisionId)).isPresent();
        assertThat(api.inboxItem(other + ":SUPERVISOR", decisionId)).isEmpty();
    }

    @ParameterizedTest(name = "{0}'s inbox count grows with its own submissions, not {1}'s")
    @MethodSource("countryPairs")
    void theInboxCountIsTheCountrysOwnTotal(String home, String other) {
        ClassificationApi api = new ClassificationApi(client, tokens);
        long homeBefore = api.waiting(home + ":SUPERVISOR");
        long otherBefore = api.waiting(other + ":SUPERVISOR");
        UUID prisonerId = new CycleApi(client, tokens).registerSentencedMan(home);
        UUID decisionId = ClassificationApi.idOf(api.proposed(home, prisonerId));
        assertThat(api.waiting(home + ":SUPERVISOR")).isEqualTo(homeBefore);
        api.stepped(home + ":ASSESSOR", decisionId, "accept", Map.of("version", 0));

        assertThat(api.waiting(home + ":SUPERVISOR"))
                .isEqualTo(homeBefore + 1)
                .isEqualTo(api.wholeInbox(home + ":SUPERVISOR").size());
        assertThat(api.waiting(other + ":SUPERVISOR")).isEqualTo(otherBefore);
    }

    @ParameterizedTest(name = "{0}'s inbox pages with page and size like the assessment inbox")
    @ValueSource(strings = {"kz", "kg"})
    @SuppressWarnings("unchecked")
    void theInboxPagesOldestFirstWithPageAndSize(String realm) {
        fixture(realm);
        ClassificationApi api = new ClassificationApi(client, tokens);
        String supervisor = realm + ":SUPERVISOR";
        List<Object> all =
                api.wholeInbox(supervisor).stream().map(item -> item.get("id")).toList();
        assertThat(all).isNotEmpty();

        Map<String, Object> second = api.inbox(supervisor, 1, 2)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(second).containsEntry("page", 1).containsEntry("size", 2);
        assertThat(((Number) second.get("total")).longValue()).isEqualTo(all.size());
        assertThat(((List<Map<String, Object>>) second.get("items"))
                        .stream().map(item -> item.get("id")).toList())
                .isEqualTo(all.subList(Math.min(2, all.size()), Math.min(4, all.size())));
        getAs(supervisor, "/api/classifications/inbox")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page")
                .isEqualTo(0)
                .jsonPath("$.size")
                .isEqualTo(25);
    }

    @ParameterizedTest(name = "page={0}, size={1} is refused naming {2}")
    @CsvSource({"-1, 25, page", "0, 0, size", "0, 101, size"})
    void theInboxRefusesAPageOutOfRange(int page, int size, String field) {
        new ClassificationApi(client, tokens)
                .inbox("kz:SUPERVISOR", page, size)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    static Stream<Arguments> countryPairs() {
        return Stream.of(Arguments.of("kz", "kg"), Arguments.of("kg", "kz"));
    }
}
