package org.custodia.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.custodia.dashboard.DashboardViews.NationalDashboard;
import org.custodia.shared.reporting.CsvTable;

/** The sections of the national dashboard, each downloadable as CSV under its path name. */
enum DashboardSection {
    POPULATION_BY_CATEGORY("population-by-category") {
        @Override
        CsvTable csv(NationalDashboard d) {
            CsvTable table = new CsvTable(List.of("category", "people"));
            d.populationByCategory().forEach(c -> table.row(List.of(text(c.category()), c.people())));
            return table;
        }
    },
    POPULATION_BY_RISK_LEVEL("population-by-risk-level") {
        @Override
        CsvTable csv(NationalDashboard d) {
            CsvTable table = new CsvTable(List.of("risk_level", "common_level", "people"));
            d.populationByRiskLevel()
                    .forEach(r -> table.row(List.of(
                            text(r.level()),
                            r.commonLevel() == null ? "" : r.commonLevel().name(),
                            r.people())));
            return table;
        }
    },
    CLASSIFICATIONS("classifications") {
        @Override
        CsvTable csv(NationalDashboard d) {
            CsvTable table = new CsvTable(List.of("month", "approved", "overridden", "up", "down", "override_rate"));
            d.classifications()
                    .forEach(m -> table.row(Arrays.asList(
                            m.month().toString(), m.approved(), m.overridden(), m.up(), m.down(), m.overrideRate())));
            return table;
        }
    },
    PENDING_APPROVALS("pending-approvals") {
        @Override
        CsvTable csv(NationalDashboard d) {
            return new CsvTable(List.of("assessments", "classifications"))
                    .row(List.of(
                            d.pendingApprovals().assessments(),
                            d.pendingApprovals().classifications()));
        }
    },
    REVIEWS("reviews") {
        @Override
        CsvTable csv(NationalDashboard d) {
            return new CsvTable(List.of("on", "due_until", "due", "overdue"))
                    .row(List.of(
                            d.reviews().on().toString(),
                            d.reviews().dueUntil().toString(),
                            d.reviews().due(),
                            d.reviews().overdue()));
        }
    },
    REFERRALS("referrals") {
        @Override
        CsvTable csv(NationalDashboard d) {
            CsvTable table = new CsvTable(List.of("programme", "status", "referrals"));
            d.referrals().forEach(r -> table.row(List.of(r.programmeCode(), r.status(), r.referrals())));
            return table;
        }
    },
    ADMISSION_TO_CLASSIFICATION("admission-to-classification") {
        @Override
        CsvTable csv(NationalDashboard d) {
            return new CsvTable(List.of("from", "to", "people", "median_days"))
                    .row(Arrays.asList(
                            d.from().toString(),
                            d.to().toString(),
                            d.admissionToClassification().people(),
                            d.admissionToClassification().medianDays()));
        }
    };

    private final String path;

    DashboardSection(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }

    abstract CsvTable csv(NationalDashboard dashboard);

    static Optional<DashboardSection> byPath(String path) {
        return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
