package org.custodia.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.custodia.tenancy.TenantId;

/**
 * Rows of the cycle written directly as the owner with the tenant set (row-level security applies, the roll-up triggers
 * fire), on days of the test's choosing: dashboards and indicators count by month, and the API only acts today. A
 * small known dataset in a past period gives figures that can be checked by hand.
 */
public final class CycleRows {

    private final TenantId tenant;
    private final UUID facility;

    private CycleRows(TenantId tenant, UUID facility) {
        this.tenant = tenant;
        this.facility = facility;
    }

    /** Rows in a tenant, its prisoners held in {@code facility}. */
    public static CycleRows in(TenantId tenant, UUID facility) {
        return new CycleRows(tenant, facility);
    }

    /** A prisoner admitted on a day, with a current category (null: none), review day and legal status. */
    public UUID prisoner(LocalDate admittedOn, String category, LocalDate nextReviewOn, String legalStatus) {
        UUID id = UUID.randomUUID();
        run(
                "insert into prisoner (id, number, family_name, given_names, date_of_birth, sex, citizenship, facility_id,"
                        + " legal_status, admitted_on, current_category, next_review_on, version, created_at,"
                        + " updated_at) values (?, ?, 'Rowson', 'Test', date '1980-01-01', 'M', 'KAZ', ?, ?, ?, ?, ?,"
                        + " 0, now(), now())",
                id,
                "ROWS-" + id.toString().substring(0, 13),
                facility,
                legalStatus,
                admittedOn,
                category,
                nextReviewOn);
        return id;
    }

    /** An approved decision that took effect on a day: {@code proposed} by the rules, {@code category} chosen. */
    public UUID approvedDecision(UUID prisoner, String proposed, String category, LocalDate effectiveOn) {
        return decision(prisoner, "APPROVED", proposed, category, effectiveOn);
    }

    /** A decision submitted and waiting for a supervisor. */
    public UUID submittedDecision(UUID prisoner, String category) {
        return decision(prisoner, "SUBMITTED", category, category, null);
    }

    private UUID decision(UUID prisoner, String status, String proposed, String category, LocalDate effectiveOn) {
        UUID id = UUID.randomUUID();
        boolean overridden = !proposed.equals(category);
        boolean approved = effectiveOn != null;
        var at = java.sql.Timestamp.from(
                (approved ? effectiveOn : LocalDate.now()).atStartOfDay().toInstant(ZoneOffset.UTC));
        run(
                "insert into classification_decision (id, prisoner_id, scheme_version_id, status, facts, trace,"
                        + " proposed_category, category, override_reason, override_narrative, version, proposed_by,"
                        + " proposed_by_name, proposed_at, submitted_by, submitted_at, decided_by, decided_by_name,"
                        + " decided_at, effective_on, next_review_on, updated_at)"
                        + " select ?, ?, s.id, ?, '{}', '[]', ?, ?, ?, ?, 0, 'rows-author', 'rows.author', ?,"
                        + " 'rows-author', ?, ?, ?, ?, ?, ?, ?"
                        + " from classification_scheme_version s where s.status = 'PUBLISHED'",
                id,
                prisoner,
                status,
                proposed,
                category,
                overridden ? "OTHER" : null,
                overridden ? "set by the test" : null,
                at,
                at,
                approved ? "rows-supervisor" : null,
                approved ? "rows.supervisor" : null,
                approved ? at : null,
                effectiveOn,
                approved ? effectiveOn.plusMonths(12) : null,
                at);
        return id;
    }

    /** An approved custody rating assessment with an overall level. */
    public UUID approvedAssessment(UUID prisoner, String overallLevel) {
        return assessment(prisoner, "APPROVED", overallLevel);
    }

    /** A submitted custody rating assessment waiting for a supervisor. */
    public UUID submittedAssessment(UUID prisoner) {
        return assessment(prisoner, "SUBMITTED", "LOW");
    }

    private UUID assessment(UUID prisoner, String status, String overallLevel) {
        UUID id = UUID.randomUUID();
        boolean approved = status.equals("APPROVED");
        run(
                "insert into assessment (id, prisoner_id, instrument_version_id, instrument_code, status, result,"
                        + " overall_level, version, started_by, started_by_name, started_at, submitted_by,"
                        + " submitted_by_name, submitted_at, decided_by, decided_by_name, decided_at, updated_at)"
                        + " select ?, ?, v.id, i.code, ?, '{}', ?, 0, 'rows-author', 'rows.author', now(),"
                        + " 'rows-author', 'rows.author', now(), ?, ?, ?, now()"
                        + " from instrument i join instrument_version v on v.instrument_id = i.id"
                        + " where i.code = 'custody_rating' and v.status = 'PUBLISHED'",
                id,
                prisoner,
                status,
                overallLevel,
                approved ? "rows-supervisor" : null,
                approved ? "rows.supervisor" : null,
                approved ? java.sql.Timestamp.from(java.time.Instant.now()) : null);
        return id;
    }

    /** A referral to a programme in a status (DECLINED ones with a reason). */
    public UUID referral(UUID prisoner, UUID assessment, String programme, String status) {
        UUID id = UUID.randomUUID();
        run(
                "insert into referral (id, prisoner_id, programme_code, need, assessment_id, status, reason, version,"
                        + " created_at, updated_by, updated_by_name, updated_at) values (?, ?, ?, 'rows_need', ?, ?, ?,"
                        + " 0, now(), 'rows-author', 'rows.author', now())",
                id,
                prisoner,
                programme,
                assessment,
                status,
                status.equals("DECLINED") ? "set by the test" : null);
        return id;
    }

    /** Any statement on the tenant's rows, e.g. to change one the test wrote. */
    public void run(String sql, Object... parameters) {
        try (Connection connection = OwnerDatabase.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant.toString());
                set.execute();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                if (statement.executeUpdate() != 1) {
                    throw new IllegalStateException("Expected to write one row: " + sql);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
