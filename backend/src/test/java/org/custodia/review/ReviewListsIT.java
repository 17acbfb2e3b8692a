package org.custodia.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.testsupport.ClassificationApi;
import org.custodia.testsupport.CycleApi;
import org.custodia.testsupport.CycleShortcuts;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

class ReviewListsIT extends IntegrationTestBase {

    /** The day most lists here are drawn up for: every date of these tests is set by hand around it. */
    private static final LocalDate DAY = LocalDate.of(2030, 3, 10);

    private static final List<String> NOT_CASE_WORKERS = List.of(
            "kz:ANALYST",
            "kz:AUDITOR",
            "kz:COUNTRY_ADMIN",
            "platform:PLATFORM_ADMIN",
            "platform:PROGRAMME_COORDINATOR");

    @Autowired
    private OverdueReviewsGauge gauge;

    private CycleApi cycle() {
        return new CycleApi(client, tokens);
    }

    private UUID register(String realm, UUID facility, String legalStatus, String expectedRelease) {
        Map<String, Object> form = CycleApi.sentencedMan(realm);
        form.put("facilityId", facility.toString());
        form.put("legalStatus", legalStatus);
        @SuppressWarnings("unchecked")
        Map<String, Object> sentence = (Map<String, Object>) form.get("sentence");
        sentence.put("expectedRelease", expectedRelease);
        return UUID.fromString((String) cycle().register(realm, form).get("id"));
    }

    private UUID dueOn(String realm, UUID facility, LocalDate nextReviewOn) {
        UUID id = register(realm, facility, "SENTENCED", "2031-01-15");
        CycleShortcuts.setNextReview(tenant(realm), id, nextReviewOn);
        return id;
    }

    private static org.custodia.tenancy.TenantId tenant(String realm) {
        return realm.equals("kz") ? DemoTenants.KZ : DemoTenants.KG;
    }

    private static LocalDate todayInKazakhstan() {
        return LocalDate.now(ZoneId.of("Asia/Almaty"));
    }

    @Nested
    @DisplayName("GET /api/reviews/due")
    class Due {

        @Test
        void listsDueAndOverdueReviewsOfTheDayMostOverdueFirst() {
            UUID facility = cycle().newFacility("kz");
            UUID overdue = dueOn("kz", facility, DAY.minusDays(3));
            UUID due = dueOn("kz", facility, DAY);
            dueOn("kz", facility, DAY.plusDays(1));
            UUID released = register("kz", facility, "RELEASED", "2031-01-15");
            CycleShortcuts.setNextReview(DemoTenants.KZ, released, DAY.minusDays(30));

            getAs("kz:SUPERVISOR", "/api/reviews/due?on={d}&facilityId={f}", DAY, facility)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.on")
                    .isEqualTo(DAY.toString())
                    .jsonPath("$.total")
                    .isEqualTo(2)
                    .jsonPath("$.items[0].prisonerId")
                    .isEqualTo(overdue.toString())
                    .jsonPath("$.items[0].status")
                    .isEqualTo("OVERDUE")
                    .jsonPath("$.items[0].daysOverdue")
                    .isEqualTo(3)
                    .jsonPath("$.items[0].nextReviewOn")
                    .isEqualTo(DAY.minusDays(3).toString())
                    .jsonPath("$.items[0].familyName")
                    .isEqualTo("Testov")
                    .jsonPath("$.items[1].prisonerId")
                    .isEqualTo(due.toString())
                    .jsonPath("$.items[1].status")
                    .isEqualTo("DUE")
                    .jsonPath("$.items[1].daysOverdue")
                    .isEqualTo(0);

            getAs("kz:ASSESSOR", "/api/reviews/due?on={d}&facilityId={f}&size=1&page=1", DAY, facility)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(2)
                    .jsonPath("$.items.length()")
                    .isEqualTo(1)
                    .jsonPath("$.items[0].prisonerId")
                    .isEqualTo(due.toString());
        }

        @Test
        void anApprovedClassificationFallsDueOnItsNextReviewDate() {
            UUID facility = cycle().newFacility("kz");
            UUID prisoner = register("kz", facility, "SENTENCED", "2031-01-15");
            LocalDate reviewOn = LocalDate.parse((String) new ClassificationApi(client, tokens)
                    .approvedProposal("kz", prisoner)
                    .get("nextReviewOn"));

            getAs("kz:ASSESSOR", "/api/reviews/due?on={d}&facilityId={f}", reviewOn.minusDays(1), facility)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(0);
            getAs("kz:ASSESSOR", "/api/reviews/due?on={d}&facilityId={f}", reviewOn, facility)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.items[0].prisonerId")
                    .isEqualTo(prisoner.toString())
                    .jsonPath("$.items[0].status")
                    .isEqualTo("DUE");
            getAs("kz:ASSESSOR", "/api/reviews/due?on={d}&facilityId={f}", reviewOn.plusDays(5), facility)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.items[0].status")
                    .isEqualTo("OVERDUE")
                    .jsonPath("$.items[0].daysOverdue")
                    .isEqualTo(5);
        }

        @Test
        void isDrawnUpForTodayInTheCountryUnlessToldOtherwise() {
            UUID facility = cycle().newFacility("kz");
            UUID today = dueOn("kz", facility, todayInKazakhstan());
            dueOn("kz", facility, todayInKazakhstan().plusDays(1));

            getAs("kz:ASSESSOR", "/api/reviews/due?facilityId={f}", facility)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.on")
                    .isEqualTo(todayInKazakhstan().toString())
                    .jsonPath("$.total")
                    .isEqualTo(1)
                    .jsonPath("$.items[0].prisonerId")
                    .isEqualTo(today.toString())
                    .jsonPath("$.items[0].status")
                    .isEqualTo("DUE");
        }

        @Test
        void auditsWhomItShowed() {
            UUID facility = cycle().newFacility("kz");
            UUID shown = dueOn("kz", facility, DAY);
            getAs("kz:SUPERVISOR", "/api/reviews/due?on={d}&facilityId={f}", DAY, facility)
                    .exchange()
                    .expectStatus()
                    .isOk();

            getAs("kz:AUDITOR", "/api/audit/entries?action=REVIEWS_DUE_LISTED&actor=kz.supervisor&limit=1")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.entries[0].after.shown[0]")
                    .isEqualTo(shown.toString())
                    .jsonPath("$.entries[0].after.query.facilityId")
                    .isEqualTo(facility.toString());
        }

        @Test
        void refusesABadPageNamingTheParameter() {
            getAs("kz:ASSESSOR", "/api/reviews/due?size=500")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("size");
        }

        @Test
        void rejectsMissingToken() {
            client.get().uri("/api/reviews/due").exchange().expectStatus().isUnauthorized();
        }

        @Test
        void rejectsWrongRoles() {
            for (String role : NOT_CASE_WORKERS) {
                getAs(role, "/api/reviews/due").exchange().expectStatus().isForbidden();
            }
        }

        @Test
        void hidesAnotherCountrysFacilityAndPrisoners() {
            UUID facility = cycle().newFacility("kz");
            LocalDate longAgo = LocalDate.of(1901, 1, 2);
            UUID kazakh = dueOn("kz", facility, longAgo);

            getAs("kg:ASSESSOR", "/api/reviews/due?facilityId={f}", facility)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.items")
                    .doesNotExist();
            // Nobody's review in Kyrgyzstan is that old; the Kazakh prisoner would head the list if it leaked.
            getAs("kg:ASSESSOR", "/api/reviews/due?on={d}", longAgo)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(0);
            getAs("kz:ASSESSOR", "/api/reviews/due?on={d}", longAgo)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.items[?(@.prisonerId == '" + kazakh + "')]")
                    .exists();
        }
    }

    @Nested
    @DisplayName("GET /api/reviews/due/counts")
    class Counts {

        @Test
        void countsDueAndOverduePerFacilityAndForTheCountry() {
            UUID facility = cycle().newFacility("kz");
            dueOn("kz", facility, DAY.minusDays(1));
            dueOn("kz", facility, DAY.minusDays(40));
            dueOn("kz", facility, DAY);
            dueOn("kz", facility, DAY.plusDays(1));
            UUID empty = cycle().newFacility("kz");

            Map<?, ?> counts = getAs("kz:ANALYST", "/api/reviews/due/counts?on={d}", DAY)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(counts.get("on")).isEqualTo(DAY.toString());
            @SuppressWarnings("unchecked")
            List<Object> facilities = (List<Object>) counts.get("facilities");
            assertThat(facilities)
                    .contains(
                            Map.of(
                                    "facilityId",
                                    facility.toString(),
                                    "facilityCode",
                                    codeOf(facilities, facility),
                                    "due",
                                    1,
                                    "overdue",
                                    2),
                            Map.of(
                                    "facilityId",
                                    empty.toString(),
                                    "facilityCode",
                                    codeOf(facilities, empty),
                                    "due",
                                    0,
                                    "overdue",
                                    0));
            long due = facilities.stream()
                    .mapToLong(f -> ((Number) ((Map<?, ?>) f).get("due")).longValue())
                    .sum();
            assertThat(((Number) counts.get("due")).longValue()).isEqualTo(due).isGreaterThanOrEqualTo(1);
        }

        private static String codeOf(List<?> facilities, UUID id) {
            return facilities.stream()
                    .map(f -> (Map<?, ?>) f)
                    .filter(f -> f.get("facilityId").equals(id.toString()))
                    .map(f -> (String) f.get("facilityCode"))
                    .findFirst()
                    .orElseThrow();
        }

        @Test
        void rejectsMissingToken() {
            client.get()
                    .uri("/api/reviews/due/counts")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsWrongRoles() {
            for (String role : List.of(
                    "kz:AUDITOR", "kz:COUNTRY_ADMIN", "platform:PLATFORM_ADMIN", "platform:PROGRAMME_COORDINATOR")) {
                getAs(role, "/api/reviews/due/counts").exchange().expectStatus().isForbidden();
            }
        }

        @Test
        void countsOnlyTheCallersCountry() {
            UUID facility = cycle().newFacility("kz");
            dueOn("kz", facility, DAY);
            getAs("kg:SUPERVISOR", "/api/reviews/due/counts?on={d}", DAY)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.facilities[?(@.facilityId == '" + facility + "')]")
                    .isEmpty()
                    .jsonPath("$.facilities[?(@.facilityCode == 'KG-BSH-01')]")
                    .exists();
        }
    }

    @Nested
    @DisplayName("GET /api/reviews/pre-release")
    class PreRelease {

        private int months(int value) {
            Map<?, ?> current = getAs("kz:COUNTRY_ADMIN", "/api/cycle-settings")
                    .exchange()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            requestAs("kz:COUNTRY_ADMIN", HttpMethod.PUT, "/api/cycle-settings")
                    .bodyValue(Map.of("preReleaseMonths", value, "version", current.get("version")))
                    .exchange()
                    .expectStatus()
                    .isOk();
            return (Integer) current.get("preReleaseMonths");
        }

        private List<String> listed(UUID facility) {
            Map<?, ?> page = getAs("kz:ASSESSOR", "/api/reviews/pre-release?on={d}&facilityId={f}", DAY, facility)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            return ((List<?>) page.get("items"))
                    .stream()
                            .map(item -> (String) ((Map<?, ?>) item).get("prisonerId"))
                            .toList();
        }

        @Test
        void listsReleasesWithinTheWindowNotAssessedSinceItOpened() {
            UUID facility = cycle().newFacility("kz");
            UUID releasedSoon = register("kz", facility, "SENTENCED", "2030-08-01");
            UUID assessedInWindow = register("kz", facility, "SENTENCED", "2030-08-01");
            CycleShortcuts.startedAssessment(
                    DemoTenants.KZ, assessedInWindow, "needs_inventory", Instant.parse("2030-02-15T06:00:00Z"));
            UUID assessedBefore = register("kz", facility, "SENTENCED", "2030-08-01");
            CycleShortcuts.startedAssessment(
                    DemoTenants.KZ, assessedBefore, "needs_inventory", Instant.parse("2030-01-15T06:00:00Z"));
            UUID releasedLater = register("kz", facility, "SENTENCED", "2030-12-01");
            register("kz", facility, "SENTENCED", "2030-03-01");

            int before = months(6);
            try {
                assertThat(listed(facility))
                        .containsExactlyInAnyOrder(releasedSoon.toString(), assessedBefore.toString());
                getAs("kz:SUPERVISOR", "/api/reviews/pre-release?on={d}&facilityId={f}", DAY, facility)
                        .exchange()
                        .expectBody()
                        .jsonPath("$.months")
                        .isEqualTo(6)
                        .jsonPath("$.items[0].expectedRelease")
                        .isEqualTo("2030-08-01")
                        .jsonPath("$.items[0].windowOpenedOn")
                        .isEqualTo("2030-02-01")
                        .jsonPath("$.items[0].daysToRelease")
                        .isEqualTo(144);

                // A wider window reaches the later release, and opened before the other assessment started.
                months(9);
                assertThat(listed(facility)).containsExactly(releasedSoon.toString(), releasedLater.toString());
                months(2);
                assertThat(listed(facility)).isEmpty();
            } finally {
                months(before);
            }
        }

        @Test
        void rejectsMissingToken() {
            client.get()
                    .uri("/api/reviews/pre-release")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsWrongRoles() {
            for (String role : NOT_CASE_WORKERS) {
                getAs(role, "/api/reviews/pre-release")
                        .exchange()
                        .expectStatus()
                        .isForbidden();
            }
        }

        @Test
        void hidesAnotherCountrysFacility() {
            UUID facility = cycle().newFacility("kz");
            register("kz", facility, "SENTENCED", "2030-08-01");
            getAs("kg:SUPERVISOR", "/api/reviews/pre-release?on={d}&facilityId={f}", DAY, facility)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.items")
                    .doesNotExist();
        }
    }

    @Test
    void publishesEachCountrysOverdueCountAsAGauge() {
        dueOn("kz", cycle().newFacility("kz"), todayInKazakhstan().minusDays(1));
        gauge.refresh().block();

        Map<?, ?> counts = getAs("kz:ANALYST", "/api/reviews/due/counts")
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String metrics = client.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        Matcher kz = Pattern.compile("(?m)^custodia_reviews_overdue\\{[^}]*tenant=\"KZ\"[^}]*} (\\S+)$")
                .matcher(metrics);
        assertThat(kz.find()).as("a KZ series in %s", metrics).isTrue();
        assertThat(Double.parseDouble(kz.group(1)))
                .isEqualTo(((Number) counts.get("overdue")).doubleValue())
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("tenant=\"KG\"");
    }
}
