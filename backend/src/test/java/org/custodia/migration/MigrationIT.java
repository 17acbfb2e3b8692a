package org.custodia.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.testsupport.TestEnvironment;
import org.junit.jupiter.api.Test;

/** The migrate command against the test database: the schema is current, so it validates, applies nothing, exits 0. */
class MigrationIT {

    @Test
    void migratesTheDatabaseAndExitsZero() {
        TestEnvironment.requireServices();
        int exitCode = Migration.run(
                "migrate",
                "--spring.flyway.url=" + TestEnvironment.JDBC_URL,
                "--spring.flyway.user=" + TestEnvironment.OWNER_USER,
                "--spring.flyway.password=" + TestEnvironment.OWNER_PASSWORD);
        assertThat(exitCode).isZero();
    }
}
