package org.custodia.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.custodia.tenancy.TenantDirectory;
import org.custodia.tenancy.TenantId;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.OwnerDatabase;
import org.custodia.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdempotencyKeyRetentionIT extends IntegrationTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    private IdempotencyKeyRetention retention;

    @Autowired
    private TenantDirectory tenants;

    @Test
    void forgetsOnlyTheCountrysKeysOlderThanTheRetention() {
        String old = storeKey(DemoTenants.KZ, Duration.ofDays(40));
        String recent = storeKey(DemoTenants.KZ, Duration.ofDays(2));
        String otherCountrysOld = storeKey(DemoTenants.KG, Duration.ofDays(40));

        Long forgotten = retention
                .forgetExpired(tenants.findActiveByRealm("kz").block(TIMEOUT))
                .block(TIMEOUT);

        assertThat(forgotten).isPositive();
        assertThat(exists(DemoTenants.KZ, old)).isFalse();
        assertThat(exists(DemoTenants.KZ, recent)).isTrue();
        assertThat(exists(DemoTenants.KG, otherCountrysOld)).isTrue();
    }

    @Test
    void neverForgetsAKeyYoungerThanADayWhateverItIsAsked() throws SQLException {
        String fresh = storeKey(DemoTenants.KZ, Duration.ofHours(1));

        try (Connection app = DriverManager.getConnection(
                TestEnvironment.JDBC_URL, TestEnvironment.APP_USER, TestEnvironment.APP_PASSWORD)) {
            app.setAutoCommit(false);
            OwnerDatabase.setTenant(app, DemoTenants.KZ);
            try (PreparedStatement forget = app.prepareStatement("select app_forget_idempotency_keys(now())")) {
                forget.execute();
            }
            app.commit();
        }

        assertThat(exists(DemoTenants.KZ, fresh)).isTrue();
    }

    @Test
    void theServiceRoleCannotDeleteKeysDirectly() throws SQLException {
        storeKey(DemoTenants.KZ, Duration.ofDays(40));
        try (Connection app = DriverManager.getConnection(
                TestEnvironment.JDBC_URL, TestEnvironment.APP_USER, TestEnvironment.APP_PASSWORD)) {
            app.setAutoCommit(false);
            OwnerDatabase.setTenant(app, DemoTenants.KZ);
            assertThatThrownBy(() -> app.createStatement().execute("delete from idempotency_key"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    private static String storeKey(TenantId tenant, Duration age) {
        String key = "retention-" + UUID.randomUUID();
        try (Connection owner = OwnerDatabase.connect()) {
            owner.setAutoCommit(false);
            OwnerDatabase.setTenant(owner, tenant);
            try (PreparedStatement insert = owner.prepareStatement(
                    "insert into idempotency_key (tenant_id, subject, key, operation, target_id, request_hash,"
                            + " response, created_at) values (?::uuid, 'retention-test', ?, 'SUBMIT_ASSESSMENT',"
                            + " ?, '\\x00', '{}', ?)")) {
                insert.setString(1, tenant.toString());
                insert.setString(2, key);
                insert.setObject(3, UUID.randomUUID());
                insert.setTimestamp(4, Timestamp.from(Instant.now().minus(age)));
                insert.executeUpdate();
            }
            owner.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    private static boolean exists(TenantId tenant, String key) {
        try (Connection owner = OwnerDatabase.connect()) {
            owner.setAutoCommit(false);
            OwnerDatabase.setTenant(owner, tenant);
            try (PreparedStatement select = owner.prepareStatement("select 1 from idempotency_key where key = ?")) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            } finally {
                owner.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
