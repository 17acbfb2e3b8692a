package org.custodia.indicators;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The indicators path's own database connection and its disclosure rule.
 *
 * @param r2dbcUrl the database, as the service's own (same database, another role)
 * @param username the role that may read the roll-up tables and nothing else ({@code custodia_indicators})
 * @param poolSize connections of its own pool
 * @param minCellSize cells counting fewer than this are suppressed
 */
@Validated
@ConfigurationProperties("custodia.indicators")
record IndicatorsProperties(
        @NotBlank String r2dbcUrl,
        @NotBlank String username,
        String password,
        @Min(1) int poolSize,
        @Min(1) int minCellSize) {}
