package org.custodia.casefile;

import java.util.List;
import java.util.UUID;
import org.custodia.testsupport.CycleApi;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.Test;

class CaseFileIT extends IntegrationTestBase {

    @Test
    void aNewPrisonersCaseFileIsTheRecordAndEmptyHistoriesReadInOneAuditedStep() {
        UUID prisoner = new CycleApi(client, tokens).registerSentencedMan("kg");
        getAs("kg:SUPERVISOR", "/api/prisoners/{id}/case-file", prisoner)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.prisoner.id")
                .isEqualTo(prisoner.toString())
                .jsonPath("$.facility.code")
                .isEqualTo("KG-BSH-01")
                .jsonPath("$.current")
                .doesNotExist()
                .jsonPath("$.decisions.length()")
                .isEqualTo(0)
                .jsonPath("$.assessments.length()")
                .isEqualTo(0)
                .jsonPath("$.reviewTriggers.length()")
                .isEqualTo(0)
                .jsonPath("$.referrals.length()")
                .isEqualTo(0);
        getAs("kg:AUDITOR", "/api/audit/entries?entityId={id}", prisoner)
                .exchange()
                .expectBody()
                .jsonPath("$.entries.length()")
                .isEqualTo(2)
                .jsonPath("$.entries[0].action")
                .isEqualTo("CASE_FILE_VIEWED")
                .jsonPath("$.entries[0].actorName")
                .isEqualTo("kg.supervisor");
    }

    @Test
    void onlyTheCountrysCaseWorkersReadIt() {
        UUID prisoner = new CycleApi(client, tokens).registerSentencedMan("kz");
        client.get()
                .uri("/api/prisoners/{id}/case-file", prisoner)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        for (String role : List.of(
                "kz:ANALYST",
                "kz:AUDITOR",
                "kz:COUNTRY_ADMIN",
                "platform:PLATFORM_ADMIN",
                "platform:PROGRAMME_COORDINATOR")) {
            getAs(role, "/api/prisoners/{id}/case-file", prisoner)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        getAs("kg:ASSESSOR", "/api/prisoners/{id}/case-file", prisoner)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.prisoner")
                .doesNotExist();
    }
}
