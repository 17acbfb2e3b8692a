package org.custodia.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.custodia.dashboard.DashboardViews.AdmissionToClassification;
import org.custodia.dashboard.DashboardViews.CategoryCount;
import org.custodia.dashboard.DashboardViews.ClassificationMonth;
import org.custodia.dashboard.DashboardViews.NationalDashboard;
import org.custodia.dashboard.DashboardViews.PendingApprovals;
import org.custodia.dashboard.DashboardViews.ReferralCount;
import org.custodia.dashboard.DashboardViews.ReviewsDue;
import org.custodia.dashboard.DashboardViews.RiskLevelCount;
import org.custodia.methodology.risk.CommonLevel;
import org.custodia.shared.reporting.Period;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The national dashboard: the country's own rows counted in one read-only transaction of its tenant (row-level security
 * as everywhere), so it never counts another country's rows. Counts name nobody, so reading them is not audited.
 */
@Service
class NationalDashboards {

    /** Reviews falling due within this many days of today are "due". */
    static final int DUE_WITHIN_DAYS = 30;

    private static final String NOT_RELEASED = " from prisoner p where p.legal_status <> 'RELEASED'";

    /** A decision overridden to a category of higher (up) or lower (down) severity rank than the proposal's. */
    private static final String RANKED = "indicator_category_rank(s.definition, d.category) %s"
            + " indicator_category_rank(s.definition, d.proposed_category)";

    private final DatabaseClient db;
    private final TenantTransactions tx;
    private final Clock clock;

    NationalDashboards(DatabaseClient db, TenantTransactions tx, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<NationalDashboard> dashboard(Tenant tenant, YearMonth from, YearMonth to) {
        LocalDate today = tenant.today(clock);
        Period period = Period.of(from, to, today);
        return tx.read(() -> Mono.zip(
                        populationByCategory(),
                        populationByRiskLevel(),
                        classifications(period),
                        pendingApprovals(),
                        reviews(today),
                        referrals(),
                        admissionToClassification(period))
                .map(t -> new NationalDashboard(
                        period.from(),
                        period.to(),
                        today,
                        t.getT1(),
                        t.getT2(),
                        t.getT3(),
                        t.getT4(),
                        t.getT5(),
                        t.getT6(),
                        t.getT7())));
    }

    private Mono<List<CategoryCount>> populationByCategory() {
        return db.sql("select p.current_category as category, count(*) as people" + NOT_RELEASED
                        + " group by p.current_category order by p.current_category nulls last")
                .map(row -> new CategoryCount(row.get("category", String.class), row.get("people", Long.class)))
                .all()
                .collectList();
    }

    private Mono<List<RiskLevelCount>> populationByRiskLevel() {
        return db.sql("select p.current_risk_level as level, r.common_level, count(*) as people"
                        + " from prisoner p left join risk_level r on r.code = p.current_risk_level"
                        + " where p.legal_status <> 'RELEASED'"
                        + " group by p.current_risk_level, r.common_level, r.rank order by r.rank nulls last, 1")
                .map(row -> {
                    String common = row.get("common_level", String.class);
                    return new RiskLevelCount(
                            row.get("level", String.class),
                            common == null ? null : CommonLevel.valueOf(common),
                            row.get("people", Long.class));
                })
                .all()
                .collectList();
    }

    /** Every month of the period, those without an approval too. */
    private Mono<List<ClassificationMonth>> classifications(Period period) {
        return db.sql("select date_trunc('month', d.effective_on)::date as month, count(*) as approved,"
                        + " count(*) filter (where d.category <> d.proposed_category) as overridden,"
                        + " count(*) filter (where d.category <> d.proposed_category and " + RANKED.formatted(">")
                        + ") as up,"
                        + " count(*) filter (where d.category <> d.proposed_category and " + RANKED.formatted("<")
                        + ") as down"
                        + " from classification_decision d"
                        + " join classification_scheme_version s on s.id = d.scheme_version_id"
                        + " where d.status = 'APPROVED' and d.effective_on between :from and :to"
                        + " group by 1")
                .bind("from", period.firstDay())
                .bind("to", period.lastDay())
                .map(row -> {
                    long approved = row.get("approved", Long.class);
                    long overridden = row.get("overridden", Long.class);
                    return new ClassificationMonth(
                            YearMonth.from(row.get("month", LocalDate.class)),
                            approved,
                            overridden,
                            row.get("up", Long.class),
                            row.get("down", Long.class),
                            (double) overridden / approved);
                })
                .all()
                .collectMap(ClassificationMonth::month, Function.identity())
                .map(found -> everyMonth(period, found));
    }

    private static List<ClassificationMonth> everyMonth(Period period, Map<YearMonth, ClassificationMonth> found) {
        List<ClassificationMonth> months = new ArrayList<>();
        for (YearMonth m = period.from(); !m.isAfter(period.to()); m = m.plusMonths(1)) {
            months.add(found.getOrDefault(m, new ClassificationMonth(m, 0, 0, 0, 0, null)));
        }
        return months;
    }

    private Mono<PendingApprovals> pendingApprovals() {
        return db.sql("select (select count(*) from assessment where status = 'SUBMITTED') as assessments,"
                        + " (select count(*) from classification_decision where status = 'SUBMITTED') as decisions")
                .map(row -> new PendingApprovals(row.get("assessments", Long.class), row.get("decisions", Long.class)))
                .one();
    }

    private Mono<ReviewsDue> reviews(LocalDate today) {
        LocalDate until = today.plusDays(DUE_WITHIN_DAYS);
        return db.sql("select count(*) filter (where p.next_review_on >= :on) as due,"
                        + " count(*) filter (where p.next_review_on < :on) as overdue" + NOT_RELEASED
                        + " and p.next_review_on <= :until")
                .bind("on", today)
                .bind("until", until)
                .map(row -> new ReviewsDue(today, until, row.get("due", Long.class), row.get("overdue", Long.class)))
                .one();
    }

    private Mono<List<ReferralCount>> referrals() {
        return db.sql("select programme_code, status, count(*) as referrals from referral"
                        + " group by programme_code, status order by programme_code, status")
                .map(row -> new ReferralCount(
                        row.get("programme_code", String.class),
                        row.get("status", String.class),
                        row.get("referrals", Long.class)))
                .all()
                .collectList();
    }

    /** A prisoner's first classification is their earliest approved decision. */
    private Mono<AdmissionToClassification> admissionToClassification(Period period) {
        return db.sql("select count(*) as people,"
                        + " percentile_disc(0.5) within group (order by first.effective_on - p.admitted_on) as median"
                        + " from (select distinct on (prisoner_id) prisoner_id, effective_on from classification_decision"
                        + " where status = 'APPROVED' order by prisoner_id, effective_on, decided_at) first"
                        + " join prisoner p on p.id = first.prisoner_id"
                        + " where first.effective_on between :from and :to")
                .bind("from", period.firstDay())
                .bind("to", period.lastDay())
                .map(row ->
                        new AdmissionToClassification(row.get("people", Long.class), row.get("median", Integer.class)))
                .one();
    }
}
