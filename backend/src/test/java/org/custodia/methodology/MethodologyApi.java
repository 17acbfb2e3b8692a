package org.custodia.methodology;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.testsupport.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Calls the methodology API as a demo user, for the integration tests of this package. */
final class MethodologyApi {

    static final List<Map<String, Object>> FOUR_LEVELS = List.of(
            level("LOW", "Low", "LOW"),
            level("MEDIUM", "Medium", "MEDIUM"),
            level("HIGH", "High", "HIGH"),
            level("VERY_HIGH", "Very high", "VERY_HIGH"));

    private static final List<String> COMMON = List.of("LOW", "MEDIUM", "HIGH", "VERY_HIGH");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;
    private final Tokens tokens;

    MethodologyApi(WebTestClient client, Tokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    static Map<String, Object> level(String code, String englishName, String common) {
        return Map.of(
                "code",
                code,
                "name",
                Map.of("en", englishName, "kk", englishName, "ky", englishName),
                "commonLevel",
                common);
    }

    /** A fixture definition, with its English texts copied into Kazakh and Kyrgyz, the demo tenants' languages. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> definition(String resource) {
        try (InputStream in = MethodologyApi.class.getResourceAsStream("/methodology/" + resource)) {
            return (Map<String, Object>) inDemoLanguages(JSON.readValue(in, Map.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer set from {@code src/test/resources/methodology/cases}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> answers(String resource) {
        try (InputStream in = MethodologyApi.class.getResourceAsStream("/methodology/cases/" + resource)) {
            return JSON.readValue(in, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object inDemoLanguages(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((key, value) -> copy.put(key, inDemoLanguages(value)));
            if (copy.get("en") instanceof String english) {
                copy.putIfAbsent("kk", english);
                copy.putIfAbsent("ky", english);
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(MethodologyApi::inDemoLanguages).toList();
        }
        return node;
    }

    WebTestClient.ResponseSpec call(String as, String method, String uri, Object body) {
        WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method))
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(as));
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    Map<?, ?> body(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /**
     * Makes sure the realm's tenant has the four levels the fixtures band into, adding the missing ones beside the
     * levels it has (which published instruments may use, so they stay).
     */
    @SuppressWarnings("unchecked")
    void ensureFourLevels(String realm) {
        Map<?, ?> current = body(call(realm + ":ANALYST", "GET", "/api/methodology/risk-levels", null), 200);
        List<Map<String, Object>> levels = new ArrayList<>((List<Map<String, Object>>) current.get("levels"));
        List<Object> codes = levels.stream().map(l -> l.get("code")).toList();
        List<Map<String, Object>> missing = FOUR_LEVELS.stream()
                .filter(level -> !codes.contains(level.get("code")))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        levels.addAll(missing);
        levels.sort(Comparator.comparingInt(l -> COMMON.indexOf(l.get("commonLevel"))));
        replaceLevels(realm, current.get("version"), levels);
    }

    void replaceLevels(String realm, Object version, List<?> levels) {
        body(
                call(
                        realm + ":COUNTRY_ADMIN",
                        "PUT",
                        "/api/methodology/risk-levels",
                        Map.of("version", version, "levels", levels)),
                200);
    }

    /** A new instrument with a published version of the given definition; returns the version's id. */
    UUID publishedVersion(String realm, String resource) {
        ensureFourLevels(realm);
        return publishedVersion(realm, definition(resource));
    }

    /** A new instrument with a published version of this definition, valid for the realm's levels as they are. */
    UUID publishedVersion(String realm, Map<String, Object> definition) {
        UUID draft = draft(realm, newInstrument(realm), definition);
        Map<?, ?> published = body(
                call(
                        realm + ":COUNTRY_ADMIN",
                        "POST",
                        "/api/methodology/instrument-versions/" + draft + "/publish",
                        Map.of("version", 0)),
                200);
        return UUID.fromString((String) published.get("id"));
    }

    UUID newInstrument(String realm) {
        Map<?, ?> created = body(
                call(
                        realm + ":COUNTRY_ADMIN",
                        "POST",
                        "/api/methodology/instruments",
                        Map.of(
                                "code",
                                "cr-" + UUID.randomUUID().toString().substring(0, 8),
                                "kind",
                                "ACTUARIAL",
                                "name",
                                Map.of("en", "Custody rating"))),
                201);
        return UUID.fromString((String) created.get("id"));
    }

    UUID draft(String realm, UUID instrument, Map<String, Object> definition) {
        Map<?, ?> draft = body(
                call(
                        realm + ":COUNTRY_ADMIN",
                        "POST",
                        "/api/methodology/instruments/" + instrument + "/versions",
                        Map.of("definition", definition)),
                201);
        return UUID.fromString((String) draft.get("id"));
    }
}
