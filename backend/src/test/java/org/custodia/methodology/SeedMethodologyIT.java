package org.custodia.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.DisplayName;
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
        Map<String, Object> answers = MethodologyApi.answers("custody-rating-high.json");
        new MethodologyApi(client, tokens)
                .call(
                        realm + ":ASSESSOR",
                        "POST",
                        "/api/methodology/instrument-versions/" + custodyRatingVersion(realm) + "/dry-run",
                        Map.of("answers", answers))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.scales[?(@.code == 'security_risk')].score")
                .isEqualTo(81.0)
                .jsonPath("$.scales[?(@.code == 'institutional_adjustment')].score")
                .isEqualTo(36.0)
                // 81 + 1.5 * 36
                .jsonPath("$.scales[?(@.code == 'total')].score")
                .isEqualTo(135.0)
                .jsonPath("$.scales[?(@.code == 'total')].level")
                .isEqualTo("HIGH")
                .jsonPath("$.overall.level")
                .isEqualTo("HIGH")
                .jsonPath("$.overall.complete")
                .isEqualTo(true);
    }

    private Object custodyRatingVersion(String realm) {
        List<?> instruments = client.get()
                .uri("/api/methodology/instruments")
                .header("Authorization", "Bearer " + tokens.of(realm + ":ASSESSOR"))
                .exchange()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        Map<?, ?> custodyRating = instruments.stream()
                .map(Map.class::cast)
                .filter(i -> "custody_rating".equals(i.get("code")))
                .findFirst()
                .orElseThrow();
        return ((Map<?, ?>) ((List<?>) custodyRating.get("versions")).get(0)).get("id");
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
