package org.custodia.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a demo tenant's seeded classification scheme, offence list and programme catalogue back in force. Tests that
 * replace them call it when they finish, so the cycle's tests, which reason about the seeded rules, find them
 * whatever order the test classes run in. Costs three reads when nothing changed.
 */
public final class SeededMethodology {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHEME = "/api/methodology/classification-scheme";

    private final WebTestClient client;
    private final Tokens tokens;

    public SeededMethodology(WebTestClient client, Tokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    public void restore(String realm) {
        restoreList(realm, "/api/methodology/offences", "offences", List.of("code", "name", "gravity"));
        restoreList(
                realm, "/api/methodology/programmes", "programmes", List.of("code", "name", "needs", "eligibility"));
        restoreScheme(realm);
    }

    /** The seed files carry notes for readers (e.g. an offence's article) that the API does not take: left out. */
    private void restoreList(String realm, String path, String field, List<String> keys) {
        List<Map<String, Object>> seeded = ((List<?>)
                        seed(realm, field + ".json").get(field))
                .stream()
                        .map(entry -> {
                            Map<String, Object> kept = new LinkedHashMap<>();
                            keys.forEach(key -> kept.put(key, ((Map<?, ?>) entry).get(key)));
                            return kept;
                        })
                        .toList();
        Map<?, ?> current = call(realm, "GET", path, null);
        if (!JSON.valueToTree(seeded).equals(JSON.valueToTree(current.get(field)))) {
            call(realm, "PUT", path, Map.of("version", current.get("version"), field, seeded));
        }
    }

    private void restoreScheme(String realm) {
        Map<String, Object> seeded = seed(realm, "classification-scheme.json");
        Map<?, ?> inForce = call(realm, "GET", SCHEME, null);
        if (!JSON.valueToTree(seeded).equals(JSON.valueToTree(inForce.get("definition")))) {
            publishScheme(realm, seeded);
        }
    }

    /** Puts {@code definition} in force as the realm's classification scheme, through its open draft if it has one. */
    public void publishScheme(String realm, Map<String, Object> definition) {
        List<?> versions = client.get()
                .uri(SCHEME + "/versions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(realm + ":COUNTRY_ADMIN"))
                .exchange()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        Map<?, ?> openDraft = versions.stream()
                .map(v -> (Map<?, ?>) v)
                .filter(v -> "DRAFT".equals(v.get("status")))
                .findFirst()
                .orElse(null);
        Map<?, ?> draft = openDraft == null
                ? call(realm, "POST", SCHEME + "/versions", Map.of("definition", definition))
                : call(
                        realm,
                        "PUT",
                        SCHEME + "/versions/" + openDraft.get("id"),
                        Map.of("definition", definition, "version", openDraft.get("version")));
        call(
                realm,
                "POST",
                SCHEME + "/versions/" + draft.get("id") + "/publish",
                Map.of("version", draft.get("version")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> seed(String realm, String file) {
        try (InputStream in = SeededMethodology.class.getResourceAsStream("/seed/methodology/" + realm + "/" + file)) {
            return JSON.readValue(in, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<?, ?> call(String realm, String method, String path, Object body) {
        WebTestClient.RequestBodySpec request = client.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(realm + ":COUNTRY_ADMIN"));
        WebTestClient.ResponseSpec response =
                body == null ? request.exchange() : request.bodyValue(body).exchange();
        return response.expectStatus()
                .is2xxSuccessful()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
