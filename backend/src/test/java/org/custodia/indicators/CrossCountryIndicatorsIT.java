package org.custodia.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.custodia.testsupport.CycleRows;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.OwnerDatabase;
import org.custodia.testsupport.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cross-country indicators on a known dataset in January 2004: Kazakhstan 12 first classifications, Kyrgyzstan 3,
 * and a third (suspended, methodology-less) country "TX" whose 11 are written straight into the roll-ups. Countries in
 * code order: KG, KZ, TX.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossCountryIndicatorsIT extends IntegrationTestBase {

    private static final UUID KZ_FACILITY = UUID.fromString("01900000-0000-7000-8000-0000000f0001");
    private static final UUID KG_FACILITY = UUID.fromString("01900000-0000-7000-8000-0000000f0101");
    private static final String TX = "01900000-0000-7000-8000-0000000000aa";
    private static final String JANUARY = "/api/indicators?from=2004-01&to=2004-01";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private CycleRows kz;

    @BeforeAll
    void knownDataset() {
        OwnerDatabase.execute("insert into tenant (id, code, realm, status, display_name, default_language, time_zone)"
                + " values ('" + TX + "', 'TX', 'tx', 'SUSPENDED', '{\"en\": \"Testland\"}', 'en', 'UTC')"
                + " on conflict do nothing");
        OwnerDatabase.execute("insert into indicator_classification_month values ('" + TX
                + "', date '2004-01-01', 11, 0, 0, 0) on conflict do nothing");
        OwnerDatabase.execute("insert into indicator_first_classification values ('" + TX
                + "', date '2004-01-01', 25, 11) on conflict do nothing");
        kz = CycleRows.in(DemoTenants.KZ, KZ_FACILITY);
        CycleRows kg = CycleRows.in(DemoTenants.KG, KG_FACILITY);
        for (int i = 0; i < 12; i++) {
            firstClassified(kz, "medium_security");
        }
        for (int i = 0; i < 3; i++) {
            firstClassified(kg, "general_regime");
        }
    }

    /** Admitted 2003-12-01, first classified 2004-01-10: 40 days. */
    private static UUID firstClassified(CycleRows rows, String category) {
        return firstClassified(rows, category, LocalDate.of(2004, 1, 10));
    }

    private static UUID firstClassified(CycleRows rows, String category, LocalDate on) {
        UUID prisoner = rows.prisoner(LocalDate.of(2003, 12, 1), category, null, "SENTENCED");
        rows.approvedDecision(prisoner, category, category, on);
        return prisoner;
    }

    private String body(String uri) {
        return getAs("platform:PROGRAMME_COORDINATOR", uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static JsonNode table(JsonNode indicators, String name) {
        for (JsonNode table : indicators.get("tables")) {
            if (table.get("name").asString().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name);
    }

    private static JsonNode row(JsonNode table, String... key) {
        for (JsonNode row : table.get("rows")) {
            List<String> found = new ArrayList<>();
            row.get("key").forEach(k -> found.add(k.asString()));
            if (found.equals(List.of(key))) {
                return row;
            }
        }
        throw new AssertionError("no row " + List.of(key));
    }

    /** The row's cells (KG, KZ, TX) and total, each a number or "suppressed". */
    private static List<String> shown(JsonNode row) {
        List<String> shown = new ArrayList<>();
        row.get("cells").forEach(cell -> shown.add(shownCell(cell)));
        shown.add(shownCell(row.get("total")));
        return shown;
    }

    private static String shownCell(JsonNode cell) {
        if (cell.get("suppressed").asBoolean()) {
            assertThat(cell.get("value").isNull())
                    .as("a suppressed cell has no value, never 0")
                    .isTrue();
            return "suppressed";
        }
        return cell.get("value").asString();
    }

    @Test
    @DisplayName("small cells suppressed, and the cell that would give one away by subtraction from the total too")
    void suppression() {
        JsonNode indicators = JSON.readTree(body(JANUARY));
        assertThat(indicators.get("minCellSize").asInt()).isEqualTo(10);
        assertThat(indicators.get("tenants").findValues("code").stream().map(JsonNode::asString))
                .containsExactly("KG", "KZ", "TX");
        JsonNode months = table(indicators, "classifications");
        // KG 3 < 10 suppressed; TX 11 suppressed too, else KG = 26 - 12 - 11; the two hidden add up to 14 >= 10.
        assertThat(shown(row(months, "2004-01", "approved"))).containsExactly("suppressed", "12", "suppressed", "26");
        assertThat(shown(row(months, "2004-01", "overridden")))
                .containsExactly("suppressed", "suppressed", "suppressed", "suppressed");
        JsonNode admission = table(indicators, "admission-to-classification");
        assertThat(shown(row(admission, "people"))).containsExactly("suppressed", "12", "suppressed", "26");
        // 11 people at 25 days and 15 at 40: the 13th of 26 is at 40.
        assertThat(shown(row(admission, "medianDays"))).containsExactly("suppressed", "40", "suppressed", "40");

        String csv = body("/api/indicators/classifications.csv?from=2004-01&to=2004-01");
        assertThat(csv)
                .startsWith("month,measure,KG,KZ,TX,total\r\n")
                .contains("2004-01,approved,suppressed,12,suppressed,26\r\n")
                .contains("2004-01,overridden,suppressed,suppressed,suppressed,suppressed\r\n");
    }

    @Test
    @DisplayName("a change shows at once: the roll-ups are kept in the transaction of the change")
    void fresh() {
        String february = "/api/indicators?from=2004-02&to=2004-02";
        for (int i = 0; i < 10; i++) {
            firstClassified(kz, "medium_security", LocalDate.of(2004, 2, 3));
        }
        // Kazakhstan's 10 hidden beside two countries' none: 10 alone would be the total.
        assertThat(shown(row(table(JSON.readTree(body(february)), "classifications"), "2004-02", "approved")))
                .containsExactly("suppressed", "suppressed", "suppressed", "10");
        firstClassified(kz, "medium_security", LocalDate.of(2004, 2, 4));
        assertThat(shown(row(table(JSON.readTree(body(february)), "classifications"), "2004-02", "approved")))
                .containsExactly("suppressed", "suppressed", "suppressed", "11");
    }

    @Test
    @DisplayName("risk levels on the common scale, with every level of the scale as a row")
    void commonScale() {
        JsonNode levels = table(JSON.readTree(body("/api/indicators")), "population-by-risk-level");
        List<String> keys = new ArrayList<>();
        levels.get("rows").forEach(row -> keys.add(row.get("key").get(0).asString()));
        assertThat(keys).startsWith("LOW", "MEDIUM", "HIGH", "VERY_HIGH");
    }

    @Test
    @DisplayName("no answer on this path names a person: no id, no number, no count below the threshold")
    void aggregatesOnly() {
        UUID prisoner = firstClassified(kz, "medium_security", LocalDate.of(2005, 1, 10));
        List<String> answers = new ArrayList<>();
        answers.add(body("/api/indicators"));
        answers.add(body(JANUARY));
        for (String name : IndicatorReports.TABLES) {
            answers.add(body("/api/indicators/" + name + ".csv"));
            answers.add(body("/api/indicators/" + name + ".csv?from=2004-01&to=2004-01"));
        }
        for (String answer : answers) {
            assertThat(UUID_TEXT.matcher(answer).find()).as(answer).isFalse();
            assertThat(answer).doesNotContain(prisoner.toString(), "ROWS-", "Rowson");
        }
        for (String answer : answers.subList(0, 2)) {
            for (JsonNode table : JSON.readTree(answer).get("tables")) {
                for (JsonNode row : table.get("rows")) {
                    if (row.get("key").get(0).asString().equals("medianDays")) {
                        continue;
                    }
                    List<JsonNode> cells = new ArrayList<>();
                    row.get("cells").forEach(cells::add);
                    cells.add(row.get("total"));
                    for (JsonNode cell : cells) {
                        if (!cell.get("suppressed").asBoolean()) {
                            assertThat(cell.get("value").asLong()).isGreaterThanOrEqualTo(10);
                        }
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("the indicators role reads the roll-ups and nothing else")
    void databaseRole() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        TestEnvironment.JDBC_URL, "custodia_indicators", "custodia_indicators_dev_only");
                Statement statement = connection.createStatement()) {
            for (String table :
                    List.of("prisoner", "assessment", "classification_decision", "referral", "audit_entry", "tenant")) {
                assertThatThrownBy(() -> statement.executeQuery("select * from " + table))
                        .hasMessageContaining("permission denied");
            }
            List<String> readable = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select c.relname from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'"
                    + " and c.relkind in ('r', 'v', 'm', 'p')"
                    + " and has_table_privilege(current_user, c.oid, 'select, insert, update, delete, truncate')"
                    + " order by 1")) {
                while (rows.next()) {
                    readable.add(rows.getString(1));
                }
            }
            assertThat(readable)
                    .containsExactly(
                            "indicator_classification_month",
                            "indicator_first_classification",
                            "indicator_pending",
                            "indicator_population",
                            "indicator_referral",
                            "indicator_review_due",
                            "indicator_risk_scale",
                            "indicator_tenant");
            try (ResultSet rows = statement.executeQuery("select count(*) from information_schema.role_table_grants"
                    + " where grantee = current_user and privilege_type <> 'SELECT'")) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
    }

    @Test
    @DisplayName("the programme coordinator only: tenant users and the platform administrator 403, no token 401")
    void access() {
        List<String> uris = new ArrayList<>(List.of("/api/indicators"));
        IndicatorReports.TABLES.forEach(name -> uris.add("/api/indicators/" + name + ".csv"));
        for (String uri : uris) {
            client.get().uri(uri).exchange().expectStatus().isUnauthorized();
            for (String caller : List.of(
                    "kz:ANALYST",
                    "kz:COUNTRY_ADMIN",
                    "kz:SUPERVISOR",
                    "kz:ASSESSOR",
                    "kz:AUDITOR",
                    "kg:ANALYST",
                    "platform:PLATFORM_ADMIN")) {
                getAs(caller, uri).exchange().expectStatus().isForbidden();
            }
        }
        getAs("platform:PROGRAMME_COORDINATOR", "/api/indicators/prisoners.csv")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    @DisplayName(
            "the programme coordinator gets 403 on every endpoint that shows people, and on the national dashboard")
    void coordinatorSeesNoPerson() {
        UUID prisoner = kz.prisoner(LocalDate.of(2003, 12, 1), null, null, "SENTENCED");
        UUID any = UUID.randomUUID();
        for (String uri : List.of(
                "/api/prisoners",
                "/api/prisoners/" + prisoner,
                "/api/prisoners/" + prisoner + "/case-file",
                "/api/prisoners/" + prisoner + "/assessments",
                "/api/prisoners/" + prisoner + "/classifications",
                "/api/prisoners/" + prisoner + "/referrals",
                "/api/prisoners/" + prisoner + "/review-triggers",
                "/api/assessments/inbox",
                "/api/assessments/" + any,
                "/api/classifications/inbox",
                "/api/classifications/" + any,
                "/api/reviews/due",
                "/api/reviews/due/counts",
                "/api/reviews/pre-release",
                "/api/audit/entries",
                "/api/dashboards/national",
                "/api/dashboards/national/population-by-category.csv")) {
            getAs("platform:PROGRAMME_COORDINATOR", uri)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
    }
}
