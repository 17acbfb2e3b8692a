package org.custodia.indicators;

import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.custodia.indicators.IndicatorViews.Cell;
import org.custodia.indicators.IndicatorViews.CrossCountryIndicators;
import org.custodia.indicators.IndicatorViews.IndicatorRow;
import org.custodia.indicators.IndicatorViews.IndicatorTable;
import org.custodia.indicators.IndicatorViews.TenantColumn;
import org.custodia.methodology.risk.CommonLevel;
import org.custodia.shared.persistence.JsonDocuments;
import org.custodia.shared.reporting.Period;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The cross-country indicators, read from the roll-up tables through the indicators path's own role (see {@link
 * IndicatorsDatabase}): the same figures as the national dashboards, per country and in total, risk levels on the
 * common scale, every small cell suppressed. The queries run side by side, each on its own connection.
 */
@Service
class IndicatorReports {

    static final String POPULATION_BY_CATEGORY = "population-by-category";
    static final String POPULATION_BY_RISK_LEVEL = "population-by-risk-level";
    static final String CLASSIFICATIONS = "classifications";
    static final String PENDING_APPROVALS = "pending-approvals";
    static final String REVIEWS = "reviews";
    static final String REFERRALS = "referrals";
    static final String ADMISSION_TO_CLASSIFICATION = "admission-to-classification";

    static final List<String> TABLES = List.of(
            POPULATION_BY_CATEGORY,
            POPULATION_BY_RISK_LEVEL,
            CLASSIFICATIONS,
            PENDING_APPROVALS,
            REVIEWS,
            REFERRALS,
            ADMISSION_TO_CLASSIFICATION);

    /** Reviews falling due within this many days of each country's today are "due", as on the national dashboard. */
    static final int DUE_WITHIN_DAYS = 30;

    /** Risk level row of people never assessed, and of a level the country has since removed from its scale. */
    static final String NOT_ASSESSED = "";

    static final String UNMAPPED = "UNMAPPED";

    private static final List<String> MEASURES = List.of("approved", "overridden", "up", "down");

    /** The SQL of each figure, also run directly by scripts/bench-indicators.sh to compare. */
    static final String TENANTS_SQL =
            "select id, code, display_name from indicator_tenant where status <> 'PROVISIONING' order by code";

    static final String POPULATION_SQL = "select p.tenant_id, p.category,"
            + " coalesce(s.common_level, case when p.risk_level = '' then '' else 'UNMAPPED' end) as level,"
            + " sum(p.people) as people"
            + " from indicator_population p"
            + " left join indicator_risk_scale s on s.tenant_id = p.tenant_id and s.code = p.risk_level"
            + " group by 1, 2, 3 having sum(p.people) > 0";

    static final String CLASSIFICATIONS_SQL = "select tenant_id, month, approved, overridden, up, down"
            + " from indicator_classification_month where month between :from and :to";

    static final String PENDING_SQL = "select tenant_id, kind, items from indicator_pending where items > 0";

    static final String REVIEWS_SQL = "select r.tenant_id,"
            + " coalesce(sum(r.people) filter (where r.review_on >= t.today), 0) as due,"
            + " coalesce(sum(r.people) filter (where r.review_on < t.today), 0) as overdue"
            + " from indicator_review_due r"
            + " join (select id, (now() at time zone time_zone)::date as today from indicator_tenant) t"
            + " on t.id = r.tenant_id"
            + " where r.review_on <= t.today + " + DUE_WITHIN_DAYS
            + " group by r.tenant_id";

    static final String REFERRALS_SQL =
            "select tenant_id, programme_code, status, referrals from indicator_referral where referrals > 0";

    /** Per country and in total (tenant_id null): people first classified in the period, and their median days. */
    static final String ADMISSION_SQL = "with h as (select tenant_id, days, sum(people) as people"
            + " from indicator_first_classification where month between :from and :to group by 1, 2),"
            + " c as (select tenant_id, days,"
            + " sum(people) over (partition by tenant_id order by days) as cum,"
            + " sum(people) over (partition by tenant_id) as n,"
            + " sum(people) over (order by days, tenant_id) as all_cum,"
            + " sum(people) over () as all_n from h)"
            + " select tenant_id, max(n) as people, min(days) filter (where cum * 2 >= n) as median"
            + " from c group by tenant_id"
            + " union all"
            + " select null, max(all_n), min(days) filter (where all_cum * 2 >= all_n) from c";

    private final DatabaseClient db;
    private final JsonDocuments json;
    private final IndicatorsProperties properties;
    private final Clock clock;

    IndicatorReports(IndicatorsDatabase database, JsonDocuments json, IndicatorsProperties properties, Clock clock) {
        this.db = database.client();
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    private record Tenants(List<UUID> ids, List<TenantColumn> columns) {}

    private record Median(UUID tenant, long people, Integer days) {}

    Mono<CrossCountryIndicators> indicators(YearMonth from, YearMonth to) {
        Period period = Period.of(from, to, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        // All seven at once: the request waits for the slowest query, not for their sum.
        return Mono.zip(
                        tenants(),
                        rows(POPULATION_SQL, period),
                        rows(CLASSIFICATIONS_SQL, period),
                        rows(PENDING_SQL, period),
                        rows(REVIEWS_SQL, period),
                        rows(REFERRALS_SQL, period),
                        medians(period))
                .map(t -> report(period, t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6(), t.getT7()));
    }

    private Mono<Tenants> tenants() {
        return db.sql(TENANTS_SQL)
                .map(row -> Map.entry(
                        row.get("id", UUID.class),
                        new TenantColumn(
                                row.get("code", String.class), json.texts(row.get("display_name", Json.class)))))
                .all()
                .collectList()
                .map(found -> new Tenants(
                        found.stream().map(Map.Entry::getKey).toList(),
                        found.stream().map(Map.Entry::getValue).toList()));
    }

    private Mono<List<Map<String, Object>>> rows(String sql, Period period) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        if (sql.contains(":from")) {
            spec = spec.bind("from", period.firstDay()).bind("to", period.to().atDay(1));
        }
        return spec.fetch().all().collectList();
    }

    private Mono<List<Median>> medians(Period period) {
        return db.sql(ADMISSION_SQL)
                .bind("from", period.firstDay())
                .bind("to", period.to().atDay(1))
                .map(row -> new Median(
                        row.get("tenant_id", UUID.class),
                        Optional.ofNullable(row.get("people", Long.class)).orElse(0L),
                        row.get("median", Integer.class)))
                .all()
                .collectList();
    }

    private CrossCountryIndicators report(
            Period period,
            Tenants tenants,
            List<Map<String, Object>> population,
            List<Map<String, Object>> classifications,
            List<Map<String, Object>> pending,
            List<Map<String, Object>> reviews,
            List<Map<String, Object>> referrals,
            List<Median> medians) {
        List<UUID> ids = tenants.ids();
        Suppression suppression = new Suppression(properties.minCellSize());

        CountTable byCategory = new CountTable(POPULATION_BY_CATEGORY, List.of("category"), ids);
        CountTable byLevel = new CountTable(POPULATION_BY_RISK_LEVEL, List.of("commonLevel"), ids);
        for (CommonLevel level : CommonLevel.values()) {
            byLevel.row(List.of(level.name()));
        }
        population.forEach(r -> {
            UUID tenant = (UUID) r.get("tenant_id");
            long people = number(r.get("people"));
            byCategory.add(List.of((String) r.get("category")), tenant, people);
            byLevel.add(List.of((String) r.get("level")), tenant, people);
        });
        List<String> levels = levelOrder();
        byLevel.sort(Comparator.comparing((List<String> k) -> levels.indexOf(k.get(0))));
        byCategory.sort(
                Comparator.comparing((List<String> k) -> k.get(0).isEmpty()).thenComparing(k -> k.get(0)));

        CountTable months = new CountTable(CLASSIFICATIONS, List.of("month", "measure"), ids);
        for (YearMonth m = period.from(); !m.isAfter(period.to()); m = m.plusMonths(1)) {
            for (String measure : MEASURES) {
                months.row(List.of(m.toString(), measure));
            }
        }
        classifications.forEach(r -> {
            String month = YearMonth.from((LocalDate) r.get("month")).toString();
            MEASURES.forEach(
                    measure -> months.add(List.of(month, measure), (UUID) r.get("tenant_id"), number(r.get(measure))));
        });

        CountTable approvals = new CountTable(PENDING_APPROVALS, List.of("kind"), ids);
        List.of("ASSESSMENT", "CLASSIFICATION").forEach(kind -> approvals.row(List.of(kind)));
        pending.forEach(
                r -> approvals.add(List.of((String) r.get("kind")), (UUID) r.get("tenant_id"), number(r.get("items"))));

        CountTable due = new CountTable(REVIEWS, List.of("state"), ids);
        reviews.forEach(r -> {
            due.add(List.of("DUE"), (UUID) r.get("tenant_id"), number(r.get("due")));
            due.add(List.of("OVERDUE"), (UUID) r.get("tenant_id"), number(r.get("overdue")));
        });
        List.of("DUE", "OVERDUE").forEach(state -> due.row(List.of(state)));

        CountTable programmes = new CountTable(REFERRALS, List.of("programme", "status"), ids);
        referrals.forEach(r -> programmes.add(
                List.of((String) r.get("programme_code"), (String) r.get("status")),
                (UUID) r.get("tenant_id"),
                number(r.get("referrals"))));
        programmes.sort(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));

        CountTable firstClassified = new CountTable(ADMISSION_TO_CLASSIFICATION, List.of("measure"), ids);
        firstClassified.row(List.of("people"));
        medians.stream()
                .filter(m -> m.tenant() != null)
                .forEach(m -> firstClassified.add(List.of("people"), m.tenant(), m.people()));

        List<CountTable> tables = List.of(byCategory, byLevel, months, approvals, due, programmes, firstClassified);
        tables.forEach(table -> table.cells(suppression));
        // One population in two breakdowns: a country's total is known from either, so each column is a group too.
        byCategory.columnsKnown(suppression);
        byLevel.columnsKnown(suppression);
        overridesByDirection(months, period, suppression);
        suppression.apply();

        List<IndicatorTable> views = new ArrayList<>();
        tables.forEach(table ->
                views.add(table == firstClassified ? withMedians(firstClassified, ids, medians) : table.view()));
        return new CrossCountryIndicators(
                period.from(), period.to(), properties.minCellSize(), tenants.columns(), views);
    }

    /** Overrides up and down add up to the overrides of the month (a category missing a rank counts in neither). */
    private static void overridesByDirection(CountTable months, Period period, Suppression suppression) {
        for (YearMonth m = period.from(); !m.isAfter(period.to()); m = m.plusMonths(1)) {
            List<String> up = List.of(m.toString(), "up");
            List<String> down = List.of(m.toString(), "down");
            List<String> overridden = List.of(m.toString(), "overridden");
            for (int column = 0; column < months.width(); column++) {
                int c = column;
                suppression.group(
                        List.of(
                                months.cell(up, c).orElseThrow(),
                                months.cell(down, c).orElseThrow()),
                        months.cell(overridden, c));
            }
            suppression.group(
                    List.of(months.total(up).orElseThrow(), months.total(down).orElseThrow()),
                    months.total(overridden));
        }
    }

    /** The people row as counted and suppressed, and a median row: each median shown only where its people are. */
    private static IndicatorTable withMedians(CountTable people, List<UUID> tenants, List<Median> medians) {
        IndicatorTable counted = people.view();
        IndicatorRow peopleRow = counted.rows().get(0);
        List<Cell> cells = IntStream.range(0, tenants.size())
                .mapToObj(i -> median(peopleRow.cells().get(i), medians, tenants.get(i)))
                .toList();
        Cell total = median(peopleRow.total(), medians, null);
        List<IndicatorRow> rows = List.of(peopleRow, new IndicatorRow(List.of("medianDays"), cells, total));
        return new IndicatorTable(counted.name(), counted.dimensions(), rows);
    }

    private static Cell median(Cell people, List<Median> medians, UUID tenant) {
        if (people.suppressed()) {
            return new Cell(null, true);
        }
        return medians.stream()
                .filter(m -> Objects.equals(m.tenant(), tenant) && m.days() != null)
                .findFirst()
                .map(m -> new Cell((long) m.days(), false))
                .orElse(new Cell(null, true));
    }

    private static List<String> levelOrder() {
        List<String> order = new ArrayList<>();
        for (CommonLevel level : CommonLevel.values()) {
            order.add(level.name());
        }
        order.add(UNMAPPED);
        order.add(NOT_ASSESSED);
        return order;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
