package org.custodia.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void isRequestedOnlyByTheFirstArgument() {
        assertThat(Migration.requested("migrate")).isTrue();
        assertThat(Migration.requested("migrate", "--debug")).isTrue();
        assertThat(Migration.requested()).isFalse();
        assertThat(Migration.requested("--spring.profiles.active=migrate")).isFalse();
        assertThat(Migration.requested("--debug", "migrate")).isFalse();
    }

    @Test
    void switchesFlywayOnAndPassesTheRestToSpring() {
        assertThat(Migration.arguments("migrate", "--spring.flyway.user=owner"))
                .containsExactly("--spring.flyway.enabled=true", "--spring.flyway.user=owner");
    }
}
