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
 * Writes, as the owner with the tenant set, what the cycle's APIs write, on days the APIs cannot choose: a review date
 * (an approval sets today plus the interval) and an assessment's start (the API starts it now). The review tests need
 * both on hand-set days around a fixed date; wherever today will do, tests go through the API instead.
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
     * A DRAFT assessment with the tenant's published version of {@code instrumentCode}, started at {@code startedAt}:
     * the API starts assessments now, the pre-release tests need them on given days.
     */
    public static UUID startedAssessment(TenantId tenant, UUID prisonerId, String instrumentCode, Instant startedAt) {
        UUID id = UUID.randomUUID();
        inTenant(
                tenant,
                "insert into assessment (id, prisoner_id, instrument_version_id, instrument_code, status, version,"
                        + " started_by, started_by_name, started_at, updated_at)"
                        + " select ?, ?, v.id, i.code, 'DRAFT', 0, 'test', 'test', ?, ?"
                        + " from instrument i join instrument_version v on v.instrument_id = i.id"
                        + " where i.code = ? and v.status = 'PUBLISHED'",
                statement -> {
                    statement.setObject(1, id);
                    statement.setObject(2, prisonerId);
                    statement.setTimestamp(3, Timestamp.from(startedAt));
                    statement.setTimestamp(4, Timestamp.from(startedAt));
                    statement.setString(5, instrumentCode);
                });
        return id;
    }

    /** Changes one row of the tenant's as the owner: for a day in the past the APIs cannot choose. */
    public static void execute(TenantId tenant, String sql, Object... parameters) {
        inTenant(tenant, sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
        });
    }

    /** Reads one value of the tenant's rows. */
    public static Object value(TenantId tenant, String sql, Object... parameters) {
        try (Connection connection = OwnerDatabase.connect()) {
            connection.setAutoCommit(false);
            OwnerDatabase.setTenant(connection, tenant);
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
            OwnerDatabase.setTenant(connection, tenant);
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
}
