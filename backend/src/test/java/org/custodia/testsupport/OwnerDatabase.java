package org.custodia.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.custodia.tenancy.TenantId;

/**
 * A JDBC connection as the schema owner, for what a test must do behind the service's back: change a tenant's status
 * in the registry, read the catalogue, tamper with a row.
 */
public final class OwnerDatabase {

    private OwnerDatabase() {}

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                TestEnvironment.JDBC_URL, TestEnvironment.OWNER_USER, TestEnvironment.OWNER_PASSWORD);
    }

    public static void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets a demo tenant's status, e.g. to prove a SUSPENDED tenant's tokens are refused. */
    public static void setTenantStatus(String code, String status) {
        execute("update tenant set status = '" + status + "' where code = '" + code + "'");
    }

    /**
     * Sets the tenant of the connection's current transaction, as the service's transaction manager does: row-level
     * security is forced on the owner too, so the owner sees and writes only that tenant's rows. Works on any
     * connection (owner or service role); call it after {@code setAutoCommit(false)}.
     */
    public static void setTenant(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            statement.setString(1, tenant.toString());
            statement.execute();
        }
    }
}
