package org.custodia.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.testsupport.CycleApi;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.OwnerDatabase;
import org.custodia.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditTrailIT extends IntegrationTestBase {

    @Autowired
    private MeterRegistry meters;

    @Test
    void changesAndReadsOfARecordAreEntriesInOrder() {
        UUID id = new CycleApi(client, tokens).registerSentencedMan("kz");
        getAs("kz:SUPERVISOR", "/api/prisoners/{id}", id)
                .exchange()
                .expectStatus()
                .isOk();

        getAs("kz:AUDITOR", "/api/audit/entries?entityId={id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries.length()")
                .isEqualTo(2)
                .jsonPath("$.entries[0].action")
                .isEqualTo("PRISONER_VIEWED")
                .jsonPath("$.entries[0].actorName")
                .isEqualTo("kz.supervisor")
                .jsonPath("$.entries[0].requestId")
                .isNotEmpty()
                .jsonPath("$.entries[0].after")
                .doesNotExist()
                .jsonPath("$.entries[1].action")
                .isEqualTo("PRISONER_REGISTERED")
                .jsonPath("$.entries[1].actorName")
                .isEqualTo("kz.assessor")
                .jsonPath("$.entries[1].after.id")
                .isEqualTo(id.toString());

        // The other country's auditor finds nothing about this prisoner.
        getAs("kg:AUDITOR", "/api/audit/entries?entityId={id}", id)
                .exchange()
                .expectBody()
                .jsonPath("$.entries.length()")
                .isEqualTo(0);
    }

    @Test
    void entriesArePagedNewestFirst() {
        new CycleApi(client, tokens).registerSentencedMan("kg");
        new CycleApi(client, tokens).registerSentencedMan("kg");
        Map<?, ?> first = getAs("kg:AUDITOR", "/api/audit/entries?limit=1")
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        List<?> entries = (List<?>) first.get("entries");
        long newest = ((Number) ((Map<?, ?>) entries.get(0)).get("seq")).longValue();
        assertThat(first.get("nextBeforeSeq")).isEqualTo((int) newest);
        getAs("kg:AUDITOR", "/api/audit/entries?limit=1&beforeSeq={s}", newest)
                .exchange()
                .expectBody()
                .jsonPath("$.entries[0].seq")
                .isEqualTo((int) newest - 1);
        getAs("kg:AUDITOR", "/api/audit/entries?limit=0")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    @Test
    void onlyAuditorsReadOrVerifyTheTrail() {
        client.get().uri("/api/audit/entries").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/audit/verification").exchange().expectStatus().isUnauthorized();
        for (String role : List.of("kz:ASSESSOR", "kz:SUPERVISOR", "kz:COUNTRY_ADMIN", "platform:PLATFORM_ADMIN")) {
            getAs(role, "/api/audit/entries").exchange().expectStatus().isForbidden();
            client.post()
                    .uri("/api/audit/verification")
                    .header("Authorization", bearer(tokens.of(role)))
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
    }

    @Test
    void theServiceCannotChangeOrRemoveAnEntry() throws SQLException {
        new CycleApi(client, tokens).registerSentencedMan("kz");
        try (Connection app = DriverManager.getConnection(
                        TestEnvironment.JDBC_URL, TestEnvironment.APP_USER, TestEnvironment.APP_PASSWORD);
                Statement statement = app.createStatement()) {
            statement.execute("select set_config('app.tenant_id', '" + DemoTenants.KZ + "', false)");
            assertThatThrownBy(() -> statement.executeUpdate("update audit_entry set action = 'NOTHING'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_entry"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void verificationNamesTheFirstEntryChangedBehindTheServicesBack() throws SQLException {
        UUID id = new CycleApi(client, tokens).registerSentencedMan("kg");
        getAs("kg:ASSESSOR", "/api/prisoners/{id}", id)
                .exchange()
                .expectStatus()
                .isOk();
        verify().jsonPath("$.intact").isEqualTo(true).jsonPath("$.firstBroken").doesNotExist();

        try (Connection owner = OwnerDatabase.connect()) {
            owner.createStatement().execute("select set_config('app.tenant_id', '" + DemoTenants.KG + "', false)");
            long registered;
            String actor;
            try (PreparedStatement find = owner.prepareStatement(
                    "select seq, actor_name from audit_entry where entity_id = ? and action = 'PRISONER_REGISTERED'")) {
                find.setObject(1, id);
                ResultSet row = find.executeQuery();
                row.next();
                registered = row.getLong(1);
                actor = row.getString(2);
            }
            try {
                tamper(owner, registered, "someone.else");
                double failuresBefore = failures();
                verify().jsonPath("$.intact")
                        .isEqualTo(false)
                        .jsonPath("$.firstBroken.seq")
                        .isEqualTo((int) registered)
                        .jsonPath("$.firstBroken.reason")
                        .value(reason -> assertThat((String) reason).contains("changed"));
                assertThat(failures()).isEqualTo(failuresBefore + 1);
            } finally {
                tamper(owner, registered, actor);
            }
        }
        verify().jsonPath("$.intact").isEqualTo(true);
    }

    /** What the chart's alert watches: custodia_audit_chain_verification_failures_total{tenant="KG"}. */
    private double failures() {
        Counter counter = meters.find("custodia.audit.chain.verification.failures")
                .tag("tenant", "KG")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static void tamper(Connection owner, long seq, String actor) throws SQLException {
        try (PreparedStatement update = owner.prepareStatement("update audit_entry set actor_name = ? where seq = ?")) {
            update.setString(1, actor);
            update.setLong(2, seq);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec verify() {
        return client.post()
                .uri("/api/audit/verification")
                .header("Authorization", bearer(tokens.of("kg:AUDITOR")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
