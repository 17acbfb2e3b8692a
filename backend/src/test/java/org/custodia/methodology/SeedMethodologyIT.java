package org.custodia.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo tenants start with a published methodology of their own (V6__DemoMethodology). */
@DisplayName("Seeded demo methodology")
class SeedMethodologyIT extends IntegrationTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"kz", "kg"})
    void eachDemoCountryHasItsThreePublishedInstruments(String realm) {
        MethodologyApi api = new MethodologyApi(client, tokens);
        List<?> instruments = client.get()
                .uri("/api/methodology/instruments")
                .header("Authorization", "Bearer " + tokens.of(realm + ":ASSESSOR"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        Map<?, ?> custodyRating = instruments.stream()
                .map(Map.class::cast)
                .filter(i -> "custody_rating".equals(i.get("code")))
                .findFirst()
                .orElseThrow();
        List<Object> codes = instruments.stream()
                .map(i -> (Object) ((Map<?, ?>) i).get("code"))
                .toList();
        assertThat(codes).contains("custody_rating", "needs_inventory", "ve_guide");
        Map<?, ?> first = (Map<?, ?>) ((List<?>) custodyRating.get("versions")).get(0);
        assertThat(first.get("status")).isEqualTo("PUBLISHED");

        // No answers at all: every scale is not scorable and the rating is incomplete, but nothing fails.
        api.call(
                        realm + ":ASSESSOR",
                        "POST",
                        "/api/methodology/instrument-versions/" + first.get("id") + "/dry-run",
                        Map.of("answers", Map.of()))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.scales[0].scorable")
                .isEqualTo(false)
                .jsonPath("$.overall.complete")
                .isEqualTo(false)
                .jsonPath("$.missingRequired.length()")
                .value(count -> assertThat((Integer) count).isPositive());
    }

    /** The hand-computed case of {@code SeedInstrumentsTest} (custody rating), now through the API. */
    @ParameterizedTest
    @ValueSource(strings = {"kz", "kg"})
    void theSeededCustodyRatingScoresTheHandComputedCaseOverHttp(String realm) {
        // The case SeedInstrumentsTest computes by hand: security risk 81, adjustment 36.
        Map<?, ?> result = dryRun(realm, "custody_rating", "custody-rating-high.json", null);
        assertScale(result, "security_risk", 81.0, "HIGH");
        assertScale(result, "institutional_adjustment", 36.0, "HIGH");
        // 81 + 1.5 * 36
        assertScale(result, "total", 135.0, "HIGH");
        assertOverall(result, "HIGH", null, "HIGH", true);
    }

    // The cases below are worked out by hand in src/test/resources/methodology/cases/README.md.

    @ParameterizedTest
    @ValueSource(strings = {"kz", "kg"})
    void theSeededNeedsInventoryRatesTheIndexLevelWhenNoDomainIsHigh(String realm) {
        String medium = medium(realm);
        Map<?, ?> result = dryRun(realm, "needs_inventory", "needs-inventory-moderate.json", null);
        assertScale(result, "education", 3.0, medium);
        assertScale(result, "employment", 2.5, medium, "job_prospects");
        assertThat(scale(result, "employment").get("prorated")).isEqualTo(true);
        assertScale(result, "substance_use", 0.0, "LOW");
        assertThat(item(result, "drug_injecting").get("applicable")).isEqualTo(false);
        assertThat(item(result, "substance_linked_offending").get("applicable")).isEqualTo(false);
        assertScale(result, "mental_health", 4.0, medium);
        assertThat(item(result, "mh_untreated").get("applicable")).isEqualTo(true);
        assertScale(result, "family", 4.0, medium);
        assertScale(result, "peers", 2.0, medium);
        assertScale(result, "attitudes", 4.0, medium);
        assertScale(result, "total_need", 30.1332, medium);
        assertOverall(result, medium, null, medium, true);
        assertThat(result.get("missingRequired")).isEqualTo(List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kz", "kg"})
    void theSeededNeedsInventoryMakesUpNoRatingWhenADomainIsNotScorable(String realm) {
        Map<?, ?> result = dryRun(realm, "needs_inventory", "needs-inventory-not-scorable.json", null);
        assertNotScorable(result, "education", "edu_level", "literacy_problem");
        assertScale(result, "employment", 7.0, "HIGH");
        assertScale(result, "substance_use", 9.0, "HIGH");
        assertScale(result, "mental_health", 0.0, "LOW");
        assertScale(result, "family", 0.0, "LOW");
        assertScale(result, "peers", 4.0, "HIGH");
        assertScale(result, "attitudes", 9.8, "HIGH", "victim_awareness", "impulsivity");
        assertThat(scale(result, "attitudes").get("prorated")).isEqualTo(true);
        assertNotScorable(result, "total_need", "education");
        // Four HIGH domains, but the formula reads education's level too: no rating from half the facts.
        assertOverall(result, null, null, null, false);
        assertThat((String) overall(result).get("reason")).contains("not scorable");
        assertThat(result.get("missingRequired")).isEqualTo(List.of("edu_level", "literacy_problem"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kz", "kg"})
    void theSeededVeGuideScoresTheDomainsOfAHighIntentCase(String realm) {
        String medium = medium(realm);
        Map<?, ?> result = dryRun(realm, "ve_guide", "ve-guide-intent-high.json", null);
        assertScale(result, "engagement", 7.0, medium);
        assertScale(result, "intent", 7.0, "HIGH");
        assertScale(result, "capability", 2.0, "LOW");
        assertThat(item(result, "c_combat").get("applicable")).isEqualTo(false);
        assertScale(result, "protective", 2.0, null);
        assertThat(result.get("missingRequired")).isEqualTo(List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kz", "kg"})
    void theSeededVeGuideProratesAndCountsMissingFactorsAsItsDomainsSay(String realm) {
        Map<?, ?> result = dryRun(realm, "ve_guide", "ve-guide-missing-factors.json", null);
        assertScale(result, "engagement", 9.8, "HIGH", "e_network", "e_crisis");
        assertThat(scale(result, "engagement").get("prorated")).isEqualTo(true);
        // NOT_SCORABLE within its allowance: the missing factor counts 0, nothing is prorated.
        assertScale(result, "intent", 1.0, "LOW", "i_dehumanisation");
        assertThat(scale(result, "intent").get("prorated")).isEqualTo(false);
        assertScale(result, "capability", 7.5, "VERY_HIGH", "c_combat");
        assertThat(item(result, "c_combat").get("applicable")).isEqualTo(true);
        assertNotScorable(result, "protective", "p_rejects_violence", "p_prosocial_ties");
        assertThat(result.get("missingRequired"))
                .isEqualTo(List.of("e_network", "e_crisis", "i_dehumanisation", "c_combat"));
    }

    @Test
    void inKazakhstanTheVeGuideRatingIsTheRatersReasonedJudgement() {
        String rationale = "Justifies attacks on civilians and influences others; no capability found.";
        Map<?, ?> none = dryRun("kz", "ve_guide", "ve-guide-intent-high.json", null);
        assertOverall(none, null, null, null, false);
        assertThat(overall(none).get("reason")).isEqualTo("the rater's judgement is required");

        Map<?, ?> unreasoned = dryRun("kz", "ve_guide", "ve-guide-intent-high.json", Map.of("level", "HIGH"));
        assertOverall(unreasoned, null, "HIGH", "HIGH", false);
        assertThat(overall(unreasoned).get("reason")).isEqualTo("the judgement needs a written rationale");

        Map<?, ?> reasoned =
                dryRun("kz", "ve_guide", "ve-guide-intent-high.json", Map.of("level", "HIGH", "rationale", rationale));
        assertOverall(reasoned, null, "HIGH", "HIGH", true);
        assertThat(overall(reasoned).get("rationale")).isEqualTo(rationale);

        // The judgement stands even when some domains are not scorable.
        Map<?, ?> partial = dryRun(
                "kz",
                "ve_guide",
                "ve-guide-missing-factors.json",
                Map.of("level", "VERY_HIGH", "rationale", "Two years with an armed group; declined interview."));
        assertOverall(partial, null, "VERY_HIGH", "VERY_HIGH", true);
    }

    @Test
    void inKyrgyzstanTheVeGuideProposesARatingThatOnlyAReasonedJudgementOverrides() {
        Map<?, ?> proposed = dryRun("kg", "ve_guide", "ve-guide-intent-high.json", null);
        assertOverall(proposed, "HIGH", null, "HIGH", true);

        Map<?, ?> agreeing = dryRun("kg", "ve_guide", "ve-guide-intent-high.json", Map.of("level", "HIGH"));
        assertOverall(agreeing, "HIGH", "HIGH", "HIGH", true);

        Map<?, ?> unreasoned = dryRun("kg", "ve_guide", "ve-guide-intent-high.json", Map.of("level", "VERY_HIGH"));
        assertOverall(unreasoned, "HIGH", "VERY_HIGH", "VERY_HIGH", false);
        assertThat(overall(unreasoned).get("reason"))
                .isEqualTo("a judgement that differs from the formula needs a rationale");

        Map<?, ?> reasoned = dryRun(
                "kg",
                "ve_guide",
                "ve-guide-intent-high.json",
                Map.of("level", "VERY_HIGH", "rationale", "Recruits in custody: influence outweighs capability."));
        assertOverall(reasoned, "HIGH", "VERY_HIGH", "VERY_HIGH", true);
    }

    /** Engagement HIGH with capability VERY_HIGH proposes HIGH although intent is LOW; a lower judgement needs reasons. */
    @Test
    void inKyrgyzstanALowerJudgementThanTheVeGuideProposesNeedsARationale() {
        Map<?, ?> proposed = dryRun("kg", "ve_guide", "ve-guide-missing-factors.json", null);
        assertOverall(proposed, "HIGH", null, "HIGH", true);

        Map<?, ?> unreasoned = dryRun("kg", "ve_guide", "ve-guide-missing-factors.json", Map.of("level", "MODERATE"));
        assertOverall(unreasoned, "HIGH", "MODERATE", "MODERATE", false);

        Map<?, ?> reasoned = dryRun(
                "kg",
                "ve_guide",
                "ve-guide-missing-factors.json",
                Map.of(
                        "level",
                        "MODERATE",
                        "rationale",
                        "The armed group was a militia of his village, not ideological."));
        assertOverall(reasoned, "HIGH", "MODERATE", "MODERATE", true);
    }

    /** The seeded version of the instrument with this code: the first, published with the seed. */
    private Object seededVersion(String realm, String code) {
        List<?> instruments = client.get()
                .uri("/api/methodology/instruments")
                .header("Authorization", "Bearer " + tokens.of(realm + ":ASSESSOR"))
                .exchange()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        Map<?, ?> instrument = instruments.stream()
                .map(Map.class::cast)
                .filter(i -> code.equals(i.get("code")))
                .findFirst()
                .orElseThrow();
        return ((Map<?, ?>) ((List<?>) instrument.get("versions")).get(0)).get("id");
    }

    /** A dry run of the answers in {@code methodology/cases/<caseFile>} as the country's assessor. */
    private Map<?, ?> dryRun(String realm, String instrument, String caseFile, Map<String, String> judgement) {
        Map<String, Object> request = new HashMap<>(Map.of("answers", MethodologyApi.answers(caseFile)));
        if (judgement != null) {
            request.put("judgement", judgement);
        }
        MethodologyApi api = new MethodologyApi(client, tokens);
        return api.body(
                api.call(
                        realm + ":ASSESSOR",
                        "POST",
                        "/api/methodology/instrument-versions/" + seededVersion(realm, instrument) + "/dry-run",
                        request),
                200);
    }

    /** The country's code for the middle level of its four-level scale. */
    private static String medium(String realm) {
        return realm.equals("kg") ? "MODERATE" : "MEDIUM";
    }

    private static Map<?, ?> scale(Map<?, ?> result, String code) {
        return entry(result, "scales", code);
    }

    private static Map<?, ?> item(Map<?, ?> result, String code) {
        return entry(result, "items", code);
    }

    private static Map<?, ?> overall(Map<?, ?> result) {
        return (Map<?, ?>) result.get("overall");
    }

    private static Map<?, ?> entry(Map<?, ?> result, String list, String code) {
        return ((List<?>) result.get(list))
                .stream()
                        .map(Map.class::cast)
                        .filter(e -> code.equals(e.get("code")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no " + list + " entry " + code));
    }

    private static void assertScale(Map<?, ?> result, String code, double score, String level, String... missing) {
        Map<?, ?> scale = scale(result, code);
        assertThat(scale.get("scorable")).as(code + " scorable").isEqualTo(true);
        assertThat(((Number) scale.get("score")).doubleValue())
                .as(code + " score")
                .isEqualTo(score);
        assertThat(scale.get("level")).as(code + " level").isEqualTo(level);
        assertThat(scale.get("missingItems")).as(code + " missing").isEqualTo(List.of(missing));
    }

    private static void assertNotScorable(Map<?, ?> result, String code, String... missing) {
        Map<?, ?> scale = scale(result, code);
        assertThat(scale.get("scorable")).as(code + " scorable").isEqualTo(false);
        assertThat(scale.get("score")).as(code + " score").isNull();
        assertThat(scale.get("level")).as(code + " level").isNull();
        assertThat(scale.get("missingItems")).as(code + " missing").isEqualTo(List.of(missing));
    }

    private static void assertOverall(
            Map<?, ?> result, String computedLevel, String judgedLevel, String level, boolean complete) {
        Map<?, ?> overall = overall(result);
        assertThat(overall.get("computedLevel")).as("computedLevel").isEqualTo(computedLevel);
        assertThat(overall.get("judgedLevel")).as("judgedLevel").isEqualTo(judgedLevel);
        assertThat(overall.get("level")).as("level").isEqualTo(level);
        assertThat(overall.get("complete")).as("complete").isEqualTo(complete);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kz", "kg"})
    void eachDemoCountryHasAScheme(String realm) {
        client.get()
                .uri("/api/methodology/classification-scheme")
                .header("Authorization", "Bearer " + tokens.of(realm + ":SUPERVISOR"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PUBLISHED")
                .jsonPath("$.definition.categories.length()")
                .value(count -> assertThat((Integer) count).isGreaterThanOrEqualTo(4));
    }
}
