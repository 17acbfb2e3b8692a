package org.custodia.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.custodia.indicators.IndicatorViews.Cell;
import org.custodia.indicators.IndicatorViews.CrossCountryIndicators;
import org.custodia.indicators.IndicatorViews.IndicatorTable;
import org.custodia.indicators.IndicatorViews.TenantColumn;
import org.custodia.security.Roles;
import org.custodia.shared.error.NotFoundException;
import org.custodia.shared.reporting.CsvTable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/indicators")
@PreAuthorize(Roles.INDICATOR_READER)
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Role not allowed")
@ApiResponse(responseCode = "400", description = "The period is wrong (from after to, or longer than ten years)")
class IndicatorsController {

    /** What a suppressed cell reads as in CSV: never 0, never empty (which could be taken for 0). */
    static final String SUPPRESSED = "suppressed";

    private final IndicatorReports reports;

    IndicatorsController(IndicatorReports reports) {
        this.reports = reports;
    }

    @GetMapping
    @Operation(
            summary = "The cross-country indicators, per country and in total, aggregates only: every cell counting"
                    + " fewer than the threshold, and any cell that would let one be worked out, is suppressed."
                    + " Months as YYYY-MM, both included; the last twelve by default")
    Mono<CrossCountryIndicators> getCrossCountryIndicators(
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        return reports.indicators(from, to);
    }

    @GetMapping("/{table}.csv")
    @Operation(
            summary = "One indicator table as CSV, suppressed cells written as \"suppressed\": population-by-category,"
                    + " population-by-risk-level, classifications, pending-approvals, reviews, referrals or"
                    + " admission-to-classification")
    @ApiResponse(
            responseCode = "200",
            description = "The table as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such table")
    Mono<ResponseEntity<String>> exportCrossCountryIndicator(
            @PathVariable String table,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        if (!IndicatorReports.TABLES.contains(table)) {
            throw new NotFoundException("No indicator table " + table);
        }
        return reports.indicators(from, to)
                .map(indicators -> csv(indicators, table)
                        .download("indicators-" + table + "-" + indicators.from() + "-" + indicators.to() + ".csv"));
    }

    private static CsvTable csv(CrossCountryIndicators indicators, String name) {
        IndicatorTable table = indicators.tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
        List<String> header = new ArrayList<>(table.dimensions());
        indicators.tenants().stream().map(TenantColumn::code).forEach(header::add);
        header.add("total");
        CsvTable csv = new CsvTable(header);
        table.rows().forEach(row -> {
            List<Object> values = new ArrayList<>(row.key());
            row.cells().stream().map(IndicatorsController::field).forEach(values::add);
            values.add(field(row.total()));
            csv.row(values);
        });
        return csv;
    }

    private static Object field(Cell cell) {
        return cell.suppressed() ? SUPPRESSED : cell.value();
    }
}
