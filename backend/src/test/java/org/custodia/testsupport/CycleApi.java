package org.custodia.testsupport;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls the cycle's API as demo users: the steps many integration tests need before the one they test. */
public final class CycleApi {

    /** The demo facilities of V8__demo_facilities.sql, one per realm, each holding the seeded schemes' middle regime. */
    public static final Map<String, UUID> DEMO_FACILITY = Map.of(
            "kz", UUID.fromString("01900000-0000-7000-8000-0000000f0002"),
            "kg", UUID.fromString("01900000-0000-7000-8000-0000000f0101"));

    private final WebTestClient client;
    private final Tokens tokens;

    public CycleApi(WebTestClient client, Tokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /** A unique prisoner number, so tests never collide with each other or with earlier runs. */
    public static String newNumber() {
        return "T-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /**
     * A sentenced adult man in the realm's demo facility, with no offences or flags: the form to start from. Change
     * what the test is about with {@code form.put(...)}.
     */
    public static Map<String, Object> sentencedMan(String realm) {
        Map<String, Object> sentence = new LinkedHashMap<>();
        sentence.put("start", "2025-01-15");
        sentence.put("expectedRelease", "2031-01-15");
        sentence.put("lengthMonths", 72);
        sentence.put("life", false);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("number", newNumber());
        form.put("familyName", "Testov");
        form.put("givenNames", "Test Testovich");
        form.put("dateOfBirth", LocalDate.of(1990, 4, 2).toString());
        form.put("sex", "M");
        form.put("citizenship", "KAZ");
        form.put("facilityId", DEMO_FACILITY.get(realm).toString());
        form.put("legalStatus", "SENTENCED");
        form.put("admittedOn", "2025-01-20");
        form.put("sentence", sentence);
        form.put("offences", List.of());
        form.put("flags", List.of());
        return form;
    }

    /** Registers the prisoner as the realm's assessor and returns the created record. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> register(String realm, Map<String, Object> form) {
        return client.post()
                .uri("/api/prisoners")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(realm + ":ASSESSOR"))
                .bodyValue(form)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /**
     * A new facility of the realm, holding no category, created by its administrator: a test that lists by facility
     * then sees only its own prisoners.
     */
    public UUID newFacility(String realm) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<?, ?> created = client.post()
                .uri("/api/facilities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.of(realm + ":COUNTRY_ADMIN"))
                .bodyValue(Map.of(
                        "code",
                        code,
                        "name",
                        Map.of("en", code, "kk", code, "ky", code),
                        "categories",
                        List.of(),
                        "capacity",
                        100))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return UUID.fromString((String) created.get("id"));
    }

    public UUID registerSentencedMan(String realm) {
        return UUID.fromString((String) register(realm, sentencedMan(realm)).get("id"));
    }
}
