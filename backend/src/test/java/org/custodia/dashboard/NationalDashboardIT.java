package org.custodia.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.custodia.testsupport.CycleRows;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national dashboard on a small known dataset written in a past period (2003), so the figures by month are exact
 * whatever other tests did; figures that stand now (population, pending, reviews, referrals) are checked as the change
 * the dataset makes. The same dataset written in Kyrgyzstan between the two readings changes nothing in Kazakhstan.
 */
class NationalDashboardIT extends IntegrationTestBase {

    private static final UUID KZ_FACILITY = UUID.fromString("01900000-0000-7000-8000-0000000f0001");
    private static final UUID KG_FACILITY = UUID.fromString("01900000-0000-7000-8000-0000000f0101");
    private static final String URL = "/api/dashboards/national?from=2003-01&to=2003-03";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode dashboard(String realmAndRole, String uri) {
        return JSON.readTree(getAs(realmAndRole, uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    private static long count(JsonNode list, String field, String value, String counted) {
        for (JsonNode item : list) {
            JsonNode key = item.get(field);
            if (value == null ? key.isNull() : value.equals(key.asString())) {
                return item.get(counted).asLong();
            }
        }
        return 0;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Almaty"));
    }

    /**
     * Five prisoners: P1 admitted 2002-12-01 and first classified 2003-01-11 (41 days) overriding medium to maximum
     * (up), then classified again 2003-02-05; P2 admitted 2003-01-01, classified 2003-01-21 (20 days) overriding maximum
     * to medium (down); P3 admitted 2003-02-01, classified 2003-02-11 (10 days); P4 admitted 2003-03-01, classified
     * 2003-03-31 (30 days), with an assessment and a decision waiting for approval; P5 released. Median of 10, 20, 30,
     * 41: 20 (the lower middle value).
     */
    private static void knownDataset(CycleRows rows, String up, String down, String low) {
        LocalDate today = today();
        UUID p1 = rows.prisoner(LocalDate.of(2002, 12, 1), up, today.minusDays(5), "SENTENCED");
        UUID p2 = rows.prisoner(LocalDate.of(2003, 1, 1), down, today.plusDays(10), "SENTENCED");
        UUID p3 = rows.prisoner(LocalDate.of(2003, 2, 1), low, today.plusDays(100), "SENTENCED");
        UUID p4 = rows.prisoner(LocalDate.of(2003, 3, 1), low, today, "REMAND");
        UUID p5 = rows.prisoner(LocalDate.of(2003, 3, 1), low, today.minusDays(50), "RELEASED");
        rows.approvedDecision(p1, down, up, LocalDate.of(2003, 1, 11));
        rows.approvedDecision(p1, up, up, LocalDate.of(2003, 2, 5));
        rows.approvedDecision(p2, up, down, LocalDate.of(2003, 1, 21));
        rows.approvedDecision(p3, low, low, LocalDate.of(2003, 2, 11));
        rows.approvedDecision(p4, low, low, LocalDate.of(2003, 3, 31));
        rows.approvedDecision(p5, low, low, LocalDate.of(2003, 3, 20));
        rows.submittedDecision(p4, low);
        UUID a1 = rows.approvedAssessment(p1, "HIGH");
        UUID a2 = rows.approvedAssessment(p2, "HIGH");
        UUID a3 = rows.approvedAssessment(p3, "LOW");
        rows.approvedAssessment(p5, "LOW");
        rows.submittedAssessment(p4);
        rows.referral(p1, a1, "DASHBOARD_TEST", "REFERRED");
        rows.referral(p2, a2, "DASHBOARD_TEST", "PROPOSED");
        rows.referral(p3, a3, "DASHBOARD_TEST", "REFERRED");
    }

    @Test
    @DisplayName("hand-checked figures of a known dataset; another country's rows are never counted")
    void handCheckedFigures() {
        JsonNode before = dashboard("kz:ANALYST", URL);

        knownDataset(
                CycleRows.in(DemoTenants.KZ, KZ_FACILITY), "maximum_security", "medium_security", "minimum_security");
        knownDataset(CycleRows.in(DemoTenants.KG, KG_FACILITY), "strict_regime", "general_regime", "colony_settlement");
        JsonNode after = dashboard("kz:ANALYST", URL);

        // By month of effect: January 2 approved, both overridden, one up and one down; February 2; March 2 (P5 too).
        JsonNode months = after.get("classifications");
        assertThat(months).hasSize(3);
        assertThat(months.get(0).get("month").asString()).isEqualTo("2003-01");
        assertThat(List.of(
                        months.get(0).get("approved").asLong(),
                        months.get(0).get("overridden").asLong(),
                        months.get(0).get("up").asLong(),
                        months.get(0).get("down").asLong()))
                .containsExactly(2L, 2L, 1L, 1L);
        assertThat(months.get(0).get("overrideRate").asDouble()).isEqualTo(1.0);
        assertThat(months.get(1).get("approved").asLong()).isEqualTo(2);
        assertThat(months.get(1).get("overridden").asLong()).isZero();
        assertThat(months.get(1).get("overrideRate").asDouble()).isZero();
        assertThat(months.get(2).get("approved").asLong()).isEqualTo(2);
        // First classifications in the period: P1 41, P2 20, P3 10, P4 30, P5 19 days: median 20.
        assertThat(after.at("/admissionToClassification/people").asLong()).isEqualTo(5);
        assertThat(after.at("/admissionToClassification/medianDays").asInt()).isEqualTo(20);

        // Standing figures: the change the dataset made (released P5 not counted).
        JsonNode category = after.get("populationByCategory");
        JsonNode categoryBefore = before.get("populationByCategory");
        assertThat(count(category, "category", "maximum_security", "people")
                        - count(categoryBefore, "category", "maximum_security", "people"))
                .isEqualTo(1);
        assertThat(count(category, "category", "medium_security", "people")
                        - count(categoryBefore, "category", "medium_security", "people"))
                .isEqualTo(1);
        assertThat(count(category, "category", "minimum_security", "people")
                        - count(categoryBefore, "category", "minimum_security", "people"))
                .isEqualTo(2);
        assertThat(category.findValues("category").stream().map(JsonNode::asString))
                .doesNotContain("strict_regime", "general_regime");
        JsonNode level = after.get("populationByRiskLevel");
        JsonNode levelBefore = before.get("populationByRiskLevel");
        assertThat(count(level, "level", "HIGH", "people") - count(levelBefore, "level", "HIGH", "people"))
                .isEqualTo(2);
        assertThat(count(level, "level", "LOW", "people") - count(levelBefore, "level", "LOW", "people"))
                .isEqualTo(1);
        assertThat(count(level, "level", null, "people") - count(levelBefore, "level", null, "people"))
                .isEqualTo(1);
        assertThat(level.findValues("commonLevel").stream().map(JsonNode::asString))
                .contains("HIGH", "LOW");
        assertThat(after.at("/pendingApprovals/assessments").asLong()
                        - before.at("/pendingApprovals/assessments").asLong())
                .isEqualTo(1);
        assertThat(after.at("/pendingApprovals/classifications").asLong()
                        - before.at("/pendingApprovals/classifications").asLong())
                .isEqualTo(1);
        // P2 (in 10 days) and P4 (today) due; P1 overdue; P3 in 100 days neither; released P5 neither.
        assertThat(after.at("/reviews/due").asLong() - before.at("/reviews/due").asLong())
                .isEqualTo(2);
        assertThat(after.at("/reviews/overdue").asLong()
                        - before.at("/reviews/overdue").asLong())
                .isEqualTo(1);
        JsonNode referrals = after.get("referrals");
        assertThat(referrals.findValues("status").size()).isGreaterThanOrEqualTo(2);
        long referred = 0;
        long proposed = 0;
        for (JsonNode r : referrals) {
            if (r.get("programmeCode").asString().equals("DASHBOARD_TEST")) {
                referred += r.get("status").asString().equals("REFERRED")
                        ? r.get("referrals").asLong()
                        : 0;
                proposed += r.get("status").asString().equals("PROPOSED")
                        ? r.get("referrals").asLong()
                        : 0;
            }
        }
        // Written in both countries: Kazakhstan counts only its own.
        assertThat(List.of(referred, proposed)).containsExactly(2L, 1L);
    }

    @Test
    @DisplayName("each section downloads as CSV, the period included")
    void csvExport() {
        String csv = getAs("kz:SUPERVISOR", "/api/dashboards/national/classifications.csv?from=2003-01&to=2003-03")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectHeader()
                .valueMatches("Content-Disposition", "attachment; filename=\"kz-classifications-2003-01-2003-03.csv\"")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(csv).startsWith("month,approved,overridden,up,down,override_rate\r\n2003-01,");
        assertThat(csv.split("\r\n")).hasSize(4);
        for (String section : List.of(
                "population-by-category",
                "population-by-risk-level",
                "pending-approvals",
                "reviews",
                "referrals",
                "admission-to-classification")) {
            getAs("kz:COUNTRY_ADMIN", "/api/dashboards/national/" + section + ".csv")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        getAs("kz:ANALYST", "/api/dashboards/national/prisoners.csv")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    @DisplayName("analysts, administrators and supervisors of the country only; no token 401; a wrong period 400")
    void access() {
        for (String uri : List.of("/api/dashboards/national", "/api/dashboards/national/reviews.csv")) {
            client.get().uri(uri).exchange().expectStatus().isUnauthorized();
            for (String caller :
                    List.of("kz:ASSESSOR", "kz:AUDITOR", "platform:PROGRAMME_COORDINATOR", "platform:PLATFORM_ADMIN")) {
                getAs(caller, uri).exchange().expectStatus().isForbidden();
            }
            for (String caller : List.of("kz:ANALYST", "kg:COUNTRY_ADMIN", "kg:SUPERVISOR")) {
                getAs(caller, uri).exchange().expectStatus().isOk();
            }
        }
        getAs("kz:ANALYST", "/api/dashboards/national?from=2004-02&to=2004-01")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("from");
        getAs("kz:ANALYST", "/api/dashboards/national?from=2004-13")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}
