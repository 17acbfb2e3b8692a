package org.custodia.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark compares the endpoints with the very SQL they run: scripts/bench/indicators.sql must stay the same. */
class IndicatorSqlTest {

    @Test
    void benchmarkRunsTheSqlOfTheEndpoints() throws IOException {
        Path script = Path.of("..", "scripts", "bench", "indicators.sql");
        List<String> statements = Files.readAllLines(script).stream()
                .filter(line -> !line.startsWith("--"))
                .toList();
        assertThat(statements)
                .containsExactly(
                        IndicatorReports.TENANTS_SQL + ";",
                        IndicatorReports.POPULATION_SQL + ";",
                        IndicatorReports.CLASSIFICATIONS_SQL + ";",
                        IndicatorReports.PENDING_SQL + ";",
                        IndicatorReports.REVIEWS_SQL + ";",
                        IndicatorReports.REFERRALS_SQL + ";",
                        IndicatorReports.ADMISSION_SQL + ";");
    }
}
