package org.custodia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.assessment.AssessmentApi;
import org.custodia.testsupport.ClassificationApi;
import org.custodia.testsupport.CycleApi;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cycle's business counters on /actuator/prometheus, tagged with the country's code and nothing about a person. */
class BusinessMetricsIT extends IntegrationTestBase {

    private String scrape() {
        return client.mutate()
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
    }

    private static double value(String metrics, String name, String tenant) {
        Matcher series = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(metrics);
        while (series.find()) {
            if (series.group(1).contains("tenant=\"" + tenant + "\"")) {
                assertThat(series.group(1).replaceAll("application=\"[^\"]*\",?", ""))
                        .as("only the tenant's code as a label")
                        .matches("tenant=\"" + tenant + "\",?");
                return Double.parseDouble(series.group(2));
            }
        }
        return 0;
    }

    @Test
    @DisplayName("assessments submitted, classifications approved and overrides counted per country")
    void countsPerCountry() {
        String before = scrape();
        CycleApi cycle = new CycleApi(client, tokens);
        ClassificationApi classifications = new ClassificationApi(client, tokens);
        UUID accepted = cycle.registerSentencedMan("kz");
        new AssessmentApi(client, tokens)
                .approved("kz", accepted, AssessmentApi.NEEDS_INVENTORY, AssessmentApi.needsInventoryTwoNeeds());
        classifications.approvedProposal("kz", accepted);
        // A plain sentenced man is proposed minimum security; medium is an override the constraints allow.
        UUID overridden = cycle.registerSentencedMan("kz");
        UUID decision = ClassificationApi.idOf(classifications.proposed("kz", overridden));
        classifications.stepped(
                "kz:ASSESSOR",
                decision,
                "override",
                Map.of("version", 0, "category", "medium_security", "reason", "OTHER", "narrative", "Metrics test."));
        classifications.stepped("kz:SUPERVISOR", decision, "approve", Map.of("version", 1));

        String after = scrape();
        assertThat(value(after, "custodia_assessments_submitted_total", "KZ")
                        - value(before, "custodia_assessments_submitted_total", "KZ"))
                .isEqualTo(1);
        assertThat(value(after, "custodia_classifications_approved_total", "KZ")
                        - value(before, "custodia_classifications_approved_total", "KZ"))
                .isEqualTo(2);
        assertThat(value(after, "custodia_classification_overrides_total", "KZ")
                        - value(before, "custodia_classification_overrides_total", "KZ"))
                .isEqualTo(1);
        assertThat(value(after, "custodia_classifications_approved_total", "KG")
                        - value(before, "custodia_classifications_approved_total", "KG"))
                .isZero();
    }
}
