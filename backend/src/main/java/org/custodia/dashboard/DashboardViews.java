package org.custodia.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.custodia.methodology.risk.CommonLevel;

/** What a country's dashboard shows: counts and a median, never a person. */
final class DashboardViews {

    private DashboardViews() {}

    /**
     * The country's figures. Population, pending approvals, reviews and referrals are counted as they stand now;
     * classifications and the days to a first classification within the period.
     *
     * @param on today in the country: the day reviews are due or overdue from
     */
    record NationalDashboard(
            YearMonth from,
            YearMonth to,
            LocalDate on,
            List<CategoryCount> populationByCategory,
            List<RiskLevelCount> populationByRiskLevel,
            List<ClassificationMonth> classifications,
            PendingApprovals pendingApprovals,
            ReviewsDue reviews,
            List<ReferralCount> referrals,
            AdmissionToClassification admissionToClassification) {}

    /** Prisoners not released, by current category; {@code category} is null for those not classified yet. */
    record CategoryCount(String category, long people) {}

    /**
     * Prisoners not released, by the overall level of their latest approved assessment; {@code level} is null for those
     * never assessed, and {@code commonLevel} is that level's place on the common scale.
     */
    record RiskLevelCount(String level, CommonLevel commonLevel, long people) {}

    /**
     * Classification decisions approved in a month (by the day they took effect). {@code overridden} chose another
     * category than the rules proposed: {@code up} a more severe one, {@code down} a less severe one, by the
     * categories' severity ranks in the decision's scheme. {@code overrideRate} is overridden / approved, null when
     * nothing was approved.
     */
    record ClassificationMonth(
            YearMonth month, long approved, long overridden, long up, long down, Double overrideRate) {}

    /** Items waiting for a supervisor's approval. */
    record PendingApprovals(long assessments, long classifications) {}

    /**
     * Classification reviews of prisoners not released: {@code overdue} fell before {@code on}, {@code due} fall from
     * {@code on} to {@code dueUntil}.
     */
    record ReviewsDue(LocalDate on, LocalDate dueUntil, long due, long overdue) {}

    /** Referrals by programme and status. */
    record ReferralCount(String programmeCode, String status, long referrals) {}

    /**
     * Prisoners whose first classification took effect in the period, and the median number of days from their
     * admission to it (the lower middle value when the count is even; null when there is nobody).
     */
    record AdmissionToClassification(long people, Integer medianDays) {}
}
