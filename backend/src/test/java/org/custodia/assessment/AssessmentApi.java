package org.custodia.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.testsupport.CycleApi;
import org.custodia.testsupport.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the assessment API as demo users, for the integration tests of this package; the few public members serve
 * the tests of later cycle steps (referrals), which need approved assessments.
 */
public final class AssessmentApi {

    static final String CUSTODY_RATING = "custody_rating";
    static final String VE_GUIDE = "ve_guide";
    public static final String NEEDS_INVENTORY = "needs_inventory";

    /** Everyone who must not touch a prisoner's assessments, in both realm kinds. */
    static final List<String> NOT_CASE_WORKERS = List.of(
            "kz:ANALYST",
            "kz:AUDITOR",
            "kz:COUNTRY_ADMIN",
            "platform:PLATFORM_ADMIN",
            "platform:PROGRAMME_COORDINATOR");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;
    private final Tokens tokens;

    public AssessmentApi(WebTestClient client, Tokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /** An answer set: {@code assessment/<name>} or {@code methodology/cases/<name>} on the test class path. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> answers(String resource) {
        try (InputStream in = AssessmentApi.class.getResourceAsStream("/" + resource)) {
            return new LinkedHashMap<>(JSON.readValue(in, Map.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> custodyRatingHigh() {
        return answers("methodology/cases/custody-rating-high.json");
    }

    static Map<String, Object> veGuideComplete() {
        return answers("assessment/ve-guide-complete.json");
    }

    public static Map<String, Object> needsInventoryTwoNeeds() {
        return answers("assessment/needs-inventory-two-needs.json");
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    WebTestClient.ResponseSpec call(String as, HttpMethod method, String uri, Object body, String key) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri);
        if (as != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(as));
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    static Map<String, Object> body(WebTestClient.ResponseSpec response, int status) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = response.expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return body;
    }

    /** The published version of one of the realm's seeded instruments. */
    UUID publishedVersion(String realm, String instrumentCode) {
        List<?> instruments = client.get()
                .uri("/api/methodology/instruments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(realm + ":ASSESSOR"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        return instruments.stream()
                .map(Map.class::cast)
                .filter(instrument -> instrumentCode.equals(instrument.get("code")))
                .flatMap(instrument -> ((List<?>) instrument.get("versions")).stream())
                .map(Map.class::cast)
                .filter(version -> "PUBLISHED".equals(version.get("status")))
                .map(version -> UUID.fromString((String) version.get("id")))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    UUID newPrisoner(String realm) {
        return new CycleApi(client, tokens).registerSentencedMan(realm);
    }

    WebTestClient.ResponseSpec start(String as, Object prisonerId, Object versionId) {
        return call(
                as,
                HttpMethod.POST,
                "/api/assessments",
                Map.of("prisonerId", prisonerId, "instrumentVersionId", versionId),
                null);
    }

    /** A new prisoner's new assessment with the realm's seeded instrument, started by {@code as}. */
    Map<String, Object> started(String as, String instrumentCode) {
        String realm = as.substring(0, as.indexOf(':'));
        return body(start(as, newPrisoner(realm), publishedVersion(realm, instrumentCode)), 201);
    }

    WebTestClient.ResponseSpec get(String as, Object id) {
        return call(as, HttpMethod.GET, "/api/assessments/" + id, null, null);
    }

    WebTestClient.ResponseSpec patch(String as, Object id, Object version, Map<String, Object> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("answers", answers);
        return patch(as, id, body);
    }

    WebTestClient.ResponseSpec patch(String as, Object id, Map<String, Object> body) {
        return call(as, HttpMethod.PATCH, "/api/assessments/" + id, body, null);
    }

    WebTestClient.ResponseSpec submit(String as, Object id, Object version, String key) {
        return call(as, HttpMethod.POST, "/api/assessments/" + id + "/submission", Map.of("version", version), key);
    }

    WebTestClient.ResponseSpec approve(String as, Object id, Object version) {
        return call(as, HttpMethod.POST, "/api/assessments/" + id + "/approval", Map.of("version", version), null);
    }

    WebTestClient.ResponseSpec sendBack(String as, Object id, Object version, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("comment", comment);
        return call(as, HttpMethod.POST, "/api/assessments/" + id + "/return", body, null);
    }

    /**
     * An assessment of a new prisoner, answered with {@code answers} (and {@code judgement} when not null) by the
     * realm's assessor and submitted by them: what a supervisor decides.
     */
    Map<String, Object> submitted(String realm, String instrumentCode, Map<String, Object> answers, Object judgement) {
        return submitted(realm, newPrisoner(realm), instrumentCode, answers, judgement);
    }

    Map<String, Object> submitted(
            String realm, UUID prisoner, String instrumentCode, Map<String, Object> answers, Object judgement) {
        String assessor = realm + ":ASSESSOR";
        Object id = body(start(assessor, prisoner, publishedVersion(realm, instrumentCode)), 201)
                .get("id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", 0);
        body.put("answers", answers);
        if (judgement != null) {
            body.put("judgement", judgement);
        }
        body(patch(assessor, id, body), 200);
        return body(submit(assessor, id, 1, newKey()), 200);
    }

    /** An approved assessment of the prisoner: started and submitted by the assessor, approved by the supervisor. */
    public Map<String, Object> approved(
            String realm, UUID prisoner, String instrumentCode, Map<String, Object> answers) {
        Map<String, Object> submitted = submitted(realm, prisoner, instrumentCode, answers, null);
        return body(approve(realm + ":SUPERVISOR", submitted.get("id"), submitted.get("version")), 200);
    }
}
