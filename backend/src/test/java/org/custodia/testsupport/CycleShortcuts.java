package org.custodia.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.custodia.tenancy.TenantId;

/**
 * Writes, as the owner with the tenant set, rows that the cycle's APIs make, for the review and referral tests: an
 * approved assessment with a chosen result and an assessment started on a given day (to be replaced by the
 * assessments API once it has landed), and a review date set by hand, for days an approval cannot give (the past, a
 * fixed day years ahead); where today's date will do, the tests classify through the API instead.
 */
public final class CycleShortcuts {

    private CycleShortcuts() {}

    /** The review date an approved classification sets ({@code PrisonerRegister.classify}), on a day of the test's choosing. */
    public static void setNextReview(TenantId tenant, UUID prisonerId, LocalDate nextReviewOn) {
        inTenant(tenant, "update prisoner set next_review_on = ? where id = ?", statement -> {
            statement.setObject(1, nextReviewOn);
            statement.setObject(2, prisonerId);
        });
    }

    /**
     * An APPROVED assessment with the tenant's published version of {@code instrumentCode}, decided now.
     *
     * @param result a serialized {@code ScoringResult}
     */
    public static UUID approvedAssessment(TenantId tenant, UUID prisonerId, String instrumentCode, String result) {
        return assessment(tenant, prisonerId, instrumentCode, "APPROVED", result, Instant.now());
    }

    /** A DRAFT assessment started at {@code startedAt}, as the pre-release list looks for. */
    public static UUID startedAssessment(TenantId tenant, UUID prisonerId, String instrumentCode, Instant startedAt) {
        return assessment(tenant, prisonerId, instrumentCode, "DRAFT", null, startedAt);
    }

    private static UUID assessment(
            TenantId tenant, UUID prisonerId, String instrumentCode, String status, String result, Instant at) {
        UUID id = UUID.randomUUID();
        inTenant(
                tenant,
                "insert into assessment (id, prisoner_id, instrument_version_id, instrument_code, status, result,"
                        + " version, started_by, started_at, decided_by, decided_at, updated_at)"
                        + " select ?, ?, v.id, i.code, ?, cast(? as jsonb), 0, 'test', ?, ?, ?, ?"
                        + " from instrument i join instrument_version v on v.instrument_id = i.id"
                        + " where i.code = ? and v.status = 'PUBLISHED'",
                statement -> {
                    Timestamp time = Timestamp.from(at);
                    boolean approved = status.equals("APPROVED");
                    statement.setObject(1, id);
                    statement.setObject(2, prisonerId);
                    statement.setString(3, status);
                    statement.setString(4, result);
                    statement.setTimestamp(5, time);
                    statement.setString(6, approved ? "test" : null);
                    statement.setTimestamp(7, approved ? time : null);
                    statement.setTimestamp(8, time);
                    statement.setString(9, instrumentCode);
                });
        return id;
    }

    /** Reads one value of the tenant's rows. */
    public static Object value(TenantId tenant, String sql, Object... parameters) {
        try (Connection connection = OwnerDatabase.connect()) {
            connection.setAutoCommit(false);
            setTenant(connection, tenant);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    Object value = rows.next() ? rows.getObject(1) : null;
                    connection.commit();
                    return value;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Runs one statement that must write exactly one row. */
    private static void inTenant(TenantId tenant, String sql, Binder binder) {
        try (Connection connection = OwnerDatabase.connect()) {
            connection.setAutoCommit(false);
            setTenant(connection, tenant);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                int rows = statement.executeUpdate();
                if (rows != 1) {
                    throw new IllegalStateException("Expected to write one row, wrote " + rows);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As V8__demo_facilities.sql does: row-level security is forced on the owner too. */
    private static void setTenant(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            statement.setString(1, tenant.toString());
            statement.execute();
        }
    }
}
