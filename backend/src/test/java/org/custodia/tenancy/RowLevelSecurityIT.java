package org.custodia.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodia.shared.persistence.UuidV7;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.OwnerDatabase;
import org.custodia.testsupport.TenantTables;
import org.custodia.testsupport.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The database wall on its own, below the service: connected as the service's role, a statement sees and writes only
 * the rows of the tenant its transaction set, whatever its WHERE clause says.
 */
@DisplayName("Row-level security")
class RowLevelSecurityIT extends IntegrationTestBase {

    private Connection app() throws SQLException {
        return DriverManager.getConnection(
                TestEnvironment.JDBC_URL, TestEnvironment.APP_USER, TestEnvironment.APP_PASSWORD);
    }

    /** Each test has rows of both tenants to find, or not find. */
    @BeforeEach
    void rowsOfBothTenants() throws SQLException {
        try (Connection connection = app()) {
            insertPreference(connection, DemoTenants.KZ, "rls-kz-" + UUID.randomUUID());
            insertPreference(connection, DemoTenants.KG, "rls-kg-" + UUID.randomUUID());
        }
    }

    private static void insertPreference(Connection connection, TenantId tenant, String subject) throws SQLException {
        connection.setAutoCommit(false);
        OwnerDatabase.setTenant(connection, tenant);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into user_preference (id, subject, language, version, updated_at) values (?, ?, 'en', 0, now())")) {
            insert.setObject(1, UuidV7.next());
            insert.setString(2, subject);
            insert.executeUpdate();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    private static List<UUID> tenantIdsOf(Connection connection, String table) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select tenant_id from " + table)) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    @Test
    void everyTenantOwnedTableIsWalledIn() throws SQLException {
        try (Connection owner = OwnerDatabase.connect()) {
            assertThat(TenantTables.all(owner)).contains("user_preference");
            assertThat(TenantTables.violations(owner)).isEmpty();
        }
    }

    @Test
    void schemaCheckCatchesATableThatForgetsToForceRowLevelSecurity() throws SQLException {
        try (Connection owner = OwnerDatabase.connect()) {
            owner.setAutoCommit(false);
            try (Statement ddl = owner.createStatement()) {
                ddl.execute("create table forgetful (tenant_id uuid not null, note text)");
                ddl.execute("create table half_done (tenant_id uuid not null)");
                ddl.execute("alter table half_done enable row level security");
                assertThat(TenantTables.violations(owner))
                        .contains(
                                "forgetful: row level security not enabled",
                                "forgetful: row level security not forced",
                                "forgetful: no policy",
                                "half_done: row level security not forced",
                                "half_done: no policy")
                        .noneMatch(violation -> violation.startsWith("user_preference"));
            } finally {
                owner.rollback();
            }
        }
    }

    @Test
    void applicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection owner = OwnerDatabase.connect();
                Statement statement = owner.createStatement();
                ResultSet role = statement.executeQuery("""
                        select r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                               (select count(*) from pg_class c where c.relowner = r.oid) as owned
                          from pg_roles r where r.rolname = 'custodia_app'
                        """)) {
            assertThat(role.next()).isTrue();
            assertThat(role.getBoolean("rolsuper")).isFalse();
            assertThat(role.getBoolean("rolbypassrls")).isFalse();
            assertThat(role.getBoolean("rolcreaterole")).isFalse();
            assertThat(role.getBoolean("rolcreatedb")).isFalse();
            assertThat(role.getLong("owned")).isZero();
        }
    }

    @Test
    void withoutATenantEveryTenantTableLooksEmptyAndRefusesWrites() throws SQLException {
        try (Connection connection = app();
                Connection owner = OwnerDatabase.connect()) {
            for (String table : TenantTables.all(owner)) {
                assertThat(tenantIdsOf(connection, table)).as(table).isEmpty();
            }
            assertThatThrownBy(() -> {
                        try (Statement insert = connection.createStatement()) {
                            insert.executeUpdate("insert into user_preference (id, subject, language, version,"
                                    + " updated_at) values ('" + UuidV7.next() + "', 'nobody', 'en', 0, now())");
                        }
                    })
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aQueryWithoutWhereClauseSeesOnlyItsTenantsRows() throws SQLException {
        try (Connection connection = app()) {
            connection.setAutoCommit(false);
            OwnerDatabase.setTenant(connection, DemoTenants.KZ);
            assertThat(tenantIdsOf(connection, "user_preference")).isNotEmpty().containsOnly(DemoTenants.KZ.value());
            connection.rollback();

            OwnerDatabase.setTenant(connection, DemoTenants.KG);
            assertThat(tenantIdsOf(connection, "user_preference")).isNotEmpty().containsOnly(DemoTenants.KG.value());
            connection.rollback();
        }
    }

    @Test
    void aRowForAnotherTenantIsRefused() throws SQLException {
        try (Connection connection = app()) {
            connection.setAutoCommit(false);
            OwnerDatabase.setTenant(connection, DemoTenants.KZ);
            assertThatThrownBy(() -> {
                        try (PreparedStatement insert = connection.prepareStatement(
                                "insert into user_preference (tenant_id, id, subject, language, version, updated_at)"
                                        + " values (?, ?, 'smuggled', 'en', 0, now())")) {
                            insert.setObject(1, DemoTenants.KG.value());
                            insert.setObject(2, UuidV7.next());
                            insert.executeUpdate();
                        }
                    })
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            connection.rollback();
        }
    }

    @Test
    void aTenantSettingDoesNotOutliveItsTransaction() throws SQLException {
        try (Connection connection = app()) {
            connection.setAutoCommit(false);
            OwnerDatabase.setTenant(connection, DemoTenants.KZ);
            assertThat(tenantIdsOf(connection, "user_preference")).isNotEmpty();
            connection.commit();
            connection.setAutoCommit(true);
            assertThat(tenantIdsOf(connection, "user_preference")).isEmpty();
        }
    }
}
