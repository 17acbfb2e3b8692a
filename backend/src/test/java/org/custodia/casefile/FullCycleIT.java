package org.custodia.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.assessment.AssessmentApi;
import org.custodia.testsupport.CycleApi;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.OwnerDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 4's whole cycle for each demo country, through the API with real tokens: register, assess (a stale edit
 * refused, a repeated submission answered once), approve, classify with the rules' trace, an override refused by a
 * legal constraint, an override with a reason, four eyes, the review falling due and brought forward by an event, a
 * programme referral through to completion, the case file showing it all, and the audit trail that holds and then
 * names the entry changed behind the service's back.
 */
class FullCycleIT extends IntegrationTestBase {

    /** Each country's seeded scheme, read by hand: the court's regime, what an escape risk makes the rules propose. */
    enum Country {
        KZ("kz", DemoTenants.KZ.value(), "Asia/Almaty", "medium_security", "maximum_security", "colony_settlement"),
        KG("kg", DemoTenants.KG.value(), "Asia/Bishkek", "general_regime", "strict_regime", "colony_settlement");

        final String realm;
        final UUID tenant;
        final ZoneId zone;
        final String courtRegime;
        final String escapeRiskCategory;
        final String belowCourtRegime;

        Country(String realm, UUID tenant, String zone, String courtRegime, String escapeRisk, String below) {
            this.realm = realm;
            this.tenant = tenant;
            this.zone = ZoneId.of(zone);
            this.courtRegime = courtRegime;
            this.escapeRiskCategory = escapeRisk;
            this.belowCourtRegime = below;
        }

        String as(String role) {
            return realm + ":" + role;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(
            String as, HttpMethod method, String uri, Object body, int status, Object... vars) {
        WebTestClient.RequestBodySpec request = requestAs(as, method, uri, vars);
        WebTestClient.ResponseSpec response =
                body == null ? request.exchange() : request.bodyValue(body).exchange();
        return response.expectStatus()
                .isEqualTo(status)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String as, String uri, Object... vars) {
        return getAs(as, uri, vars)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
    }

    @ParameterizedTest
    @EnumSource(Country.class)
    @SuppressWarnings("unchecked")
    void theWholeCycle(Country country) throws SQLException {
        String assessor = country.as("ASSESSOR");
        String supervisor = country.as("SUPERVISOR");
        LocalDate today = LocalDate.now(country.zone);

        // Register: an adult man the court sent to the middle regime, known to have planned an escape.
        Map<String, Object> form = CycleApi.sentencedMan(country.realm);
        ((Map<String, Object>) form.get("sentence")).put("courtRegime", country.courtRegime);
        form.put("flags", List.of("ESCAPE_RISK"));
        UUID prisoner = UUID.fromString((String)
                new CycleApi(client, tokens).register(country.realm, form).get("id"));

        // Assess with the custody rating: a stale save is refused and loses nothing; a repeated submit acts once.
        AssessmentApi assessments = new AssessmentApi(client, tokens);
        Map<String, Object> started = call(
                assessor,
                HttpMethod.POST,
                "/api/assessments",
                Map.of("prisonerId", prisoner, "instrumentVersionId", publishedCustodyRating(country)),
                201);
        Object assessment = started.get("id");
        Map<String, Object> answers = custodyRatingHigh();
        call(
                assessor,
                HttpMethod.PATCH,
                "/api/assessments/{id}",
                Map.of("version", 0, "answers", answers),
                200,
                assessment);
        call(
                supervisor,
                HttpMethod.PATCH,
                "/api/assessments/{id}",
                Map.of("version", 0, "answers", Map.of("prior_convictions", 9)),
                409,
                assessment);
        String key = UUID.randomUUID().toString();
        Map<String, Object> submitted = submit(assessor, assessment, key);
        Map<String, Object> again = submit(assessor, assessment, key);
        assertThat(again).isEqualTo(submitted);
        assertThat(((Map<String, Object>) submitted.get("answers")).get("prior_convictions"))
                .isEqualTo(answers.get("prior_convictions"));
        Map<String, Object> approvedAssessment = call(
                supervisor,
                HttpMethod.POST,
                "/api/assessments/{id}/approval",
                Map.of("version", submitted.get("version")),
                200,
                assessment);
        String overall = (String) approvedAssessment.get("overallLevel");
        assertThat(overall).isNotBlank();

        // Classify: the rules see the approved assessment and the flag; the trace ends on the rule that matched.
        Map<String, Object> byTheSupervisor =
                call(supervisor, HttpMethod.POST, "/api/prisoners/{id}/classifications", null, 201, prisoner);
        assertThat(byTheSupervisor.get("proposedCategory")).isEqualTo(country.escapeRiskCategory);
        assertThat(byTheSupervisor.get("proposedByRule")).isEqualTo("r_escape_risk");
        List<Map<String, Object>> trace = (List<Map<String, Object>>) byTheSupervisor.get("trace");
        assertThat(trace.get(trace.size() - 1)).containsEntry("matched", true).containsEntry("rule", "r_escape_risk");
        assertThat(trace.subList(0, trace.size() - 1))
                .allSatisfy(rule -> assertThat(rule).containsEntry("matched", false));
        Map<String, Object> facts = (Map<String, Object>) byTheSupervisor.get("facts");
        assertThat(((Map<String, Map<String, Object>>) facts.get("assessments")).get("custody_rating"))
                .containsEntry("overall", overall);

        // Four eyes: the supervisor who proposed cannot approve their own decision, so it is withdrawn.
        Object first = byTheSupervisor.get("id");
        call(supervisor, HttpMethod.POST, "/api/classifications/{id}/accept", Map.of("version", 0), 200, first);
        Map<String, Object> refused = call(
                supervisor, HttpMethod.POST, "/api/classifications/{id}/approve", Map.of("version", 1), 403, first);
        assertThat((String) refused.get("detail")).isNotBlank();
        call(supervisor, HttpMethod.POST, "/api/classifications/{id}/withdraw", Map.of("version", 1), 200, first);

        // The assessor proposes again; going below the court's regime breaks a legal constraint and changes nothing.
        Object decision = call(assessor, HttpMethod.POST, "/api/prisoners/{id}/classifications", null, 201, prisoner)
                .get("id");
        Map<String, Object> below = override(country.belowCourtRegime, 0);
        Map<String, Object> violation =
                call(assessor, HttpMethod.POST, "/api/classifications/{id}/override", below, 422, decision);
        assertThat((List<Map<String, Object>>) violation.get("errors"))
                .anySatisfy(error -> assertThat(error)
                        .containsEntry("field", "category")
                        .hasEntrySatisfying(
                                "message", m -> assertThat((String) m).contains("c_not_below_court_regime")));
        Map<String, Object> overridden = call(
                assessor,
                HttpMethod.POST,
                "/api/classifications/{id}/override",
                override(country.courtRegime, 0),
                200,
                decision);
        assertThat(overridden).containsEntry("status", "SUBMITTED").containsEntry("category", country.courtRegime);
        Map<String, Object> approved = call(
                supervisor,
                HttpMethod.POST,
                "/api/classifications/{id}/approve",
                Map.of("version", overridden.get("version")),
                200,
                decision);
        LocalDate nextReview = today.plusMonths(12);
        assertThat(approved)
                .containsEntry("status", "APPROVED")
                .containsEntry("effectiveOn", today.toString())
                .containsEntry("nextReviewOn", nextReview.toString());

        // The review falls due on its day; an incident brings it forward to today.
        assertThat(dueIds(assessor, nextReview)).contains(prisoner.toString());
        assertThat(dueIds(assessor, today)).doesNotContain(prisoner.toString());
        call(
                assessor,
                HttpMethod.POST,
                "/api/prisoners/{id}/review-triggers",
                Map.of("kind", "INCIDENT", "note", "Fight in the workshop"),
                201,
                prisoner);
        assertThat(dueIds(assessor, today)).contains(prisoner.toString());

        // Needs found by an approved needs inventory become a referral, followed through to completion.
        assessments.approved(
                country.realm, prisoner, AssessmentApi.NEEDS_INVENTORY, AssessmentApi.needsInventoryTwoNeeds());
        List<Map<String, Object>> outcomes = (List<Map<String, Object>>)
                (List<?>) requestAs(assessor, HttpMethod.POST, "/api/prisoners/{id}/referrals/proposals", prisoner)
                        .exchange()
                        .expectStatus()
                        .is2xxSuccessful()
                        .expectBody(List.class)
                        .returnResult()
                        .getResponseBody();
        Map<String, Object> referral = (Map<String, Object>) outcomes.stream()
                .filter(outcome -> "PROPOSED".equals(outcome.get("outcome")))
                .findFirst()
                .orElseThrow()
                .get("referral");
        Object referralId = referral.get("id");
        long version = ((Number) referral.get("version")).longValue();
        for (String status : List.of("REFERRED", "STARTED", "COMPLETED")) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("status", status);
            change.put("version", version);
            change.put("triggerReview", "COMPLETED".equals(status));
            version = ((Number) call(assessor, HttpMethod.POST, "/api/referrals/{id}/status", change, 200, referralId)
                            .get("version"))
                    .longValue();
        }

        // The case file shows the whole story, read in one audited step.
        Map<String, Object> caseFile =
                call(assessor, HttpMethod.GET, "/api/prisoners/{id}/case-file", null, 200, prisoner);
        assertThat((Map<String, Object>) caseFile.get("prisoner"))
                .containsEntry("currentCategory", country.courtRegime)
                .containsEntry("currentDecisionId", decision)
                .containsEntry("nextReviewOn", today.toString());
        assertThat((Map<String, Object>) caseFile.get("current"))
                .containsEntry("id", decision)
                .containsEntry(
                        "override", Map.of("reason", "SECURITY_INFORMATION", "narrative", "Court order stands."));
        assertThat((List<?>) caseFile.get("decisions")).hasSize(2);
        assertThat((List<?>) caseFile.get("assessments")).hasSize(2);
        assertThat((List<Map<String, Object>>) caseFile.get("reviewTriggers"))
                .extracting(trigger -> trigger.get("kind"))
                .containsExactly("PROGRAMME_COMPLETION", "INCIDENT");
        assertThat((List<Map<String, Object>>) caseFile.get("referrals"))
                .filteredOn(r -> r.get("id").equals(referralId))
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("status", "COMPLETED"));

        // The trail holds every step; changing one entry behind the service's back is named by the verification.
        List<Map<String, Object>> entries = (List<Map<String, Object>>)
                getAs(country.as("AUDITOR"), "/api/audit/entries?entityId={id}&limit=200", prisoner)
                        .exchange()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("entries");
        assertThat(entries)
                .extracting(entry -> entry.get("action"))
                .contains(
                        "PRISONER_REGISTERED",
                        "PRISONER_REVIEW_BROUGHT_FORWARD",
                        "REFERRALS_PROPOSED",
                        "CASE_FILE_VIEWED");
        verify(country).jsonPath("$.intact").isEqualTo(true);
        long registered = entries.stream()
                .filter(entry -> "PRISONER_REGISTERED".equals(entry.get("action")))
                .mapToLong(entry -> ((Number) entry.get("seq")).longValue())
                .findFirst()
                .orElseThrow();
        try (Connection owner = OwnerDatabase.connect()) {
            owner.createStatement().execute("select set_config('app.tenant_id', '" + country.tenant + "', false)");
            String original = afterOf(owner, registered);
            try {
                setAfter(owner, registered, original.replace("Testov", "Someone Else"));
                verify(country)
                        .jsonPath("$.intact")
                        .isEqualTo(false)
                        .jsonPath("$.firstBroken.seq")
                        .isEqualTo((int) registered);
            } finally {
                setAfter(owner, registered, original);
            }
        }
        verify(country).jsonPath("$.intact").isEqualTo(true);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> submit(String as, Object assessment, String key) {
        return requestAs(as, HttpMethod.POST, "/api/assessments/{id}/submission", assessment)
                .header("Idempotency-Key", key)
                .bodyValue(Map.of("version", 1))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    private static Map<String, Object> override(String category, long version) {
        return Map.of(
                "version",
                version,
                "category",
                category,
                "reason",
                "SECURITY_INFORMATION",
                "narrative",
                "Court order stands.");
    }

    @SuppressWarnings("unchecked")
    private List<String> dueIds(String as, LocalDate on) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) getAs(
                        as,
                        "/api/reviews/due?on={on}&facilityId={f}&size=100",
                        on,
                        CycleApi.DEMO_FACILITY.get(as.substring(0, 2)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("items");
        return items.stream().map(item -> (String) item.get("prisonerId")).toList();
    }

    private UUID publishedCustodyRating(Country country) {
        return list(country.as("ASSESSOR"), "/api/methodology/instruments").stream()
                .filter(instrument -> "custody_rating".equals(instrument.get("code")))
                .flatMap(instrument -> ((List<?>) instrument.get("versions")).stream())
                .map(Map.class::cast)
                .filter(version -> "PUBLISHED".equals(version.get("status")))
                .map(version -> UUID.fromString((String) version.get("id")))
                .reduce((older, newer) -> newer)
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> custodyRatingHigh() {
        try (var in = FullCycleIT.class.getResourceAsStream("/methodology/cases/custody-rating-high.json")) {
            return new LinkedHashMap<>(
                    tools.jackson.databind.json.JsonMapper.builder().build().readValue(in, Map.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebTestClient.BodyContentSpec verify(Country country) {
        return requestAs(country.as("AUDITOR"), HttpMethod.POST, "/api/audit/verification")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private static String afterOf(Connection owner, long seq) throws SQLException {
        try (PreparedStatement select = owner.prepareStatement("select after::text from audit_entry where seq = ?")) {
            select.setLong(1, seq);
            ResultSet row = select.executeQuery();
            row.next();
            return row.getString(1);
        }
    }

    private static void setAfter(Connection owner, long seq, String after) throws SQLException {
        try (PreparedStatement update =
                owner.prepareStatement("update audit_entry set after = cast(? as json) where seq = ?")) {
            update.setString(1, after);
            update.setLong(2, seq);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
