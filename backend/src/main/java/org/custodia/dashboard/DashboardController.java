package org.custodia.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.YearMonth;
import org.custodia.dashboard.DashboardViews.NationalDashboard;
import org.custodia.security.CallerAuthentication;
import org.custodia.security.Roles;
import org.custodia.shared.error.NotFoundException;
import org.custodia.tenancy.Tenant;
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
@RequestMapping("/api/dashboards/national")
@PreAuthorize(Roles.DASHBOARD_READER)
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Role not allowed")
@ApiResponse(responseCode = "400", description = "The period is wrong (from after to, or longer than ten years)")
class DashboardController {

    private final NationalDashboards dashboards;

    DashboardController(NationalDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping
    @Operation(
            summary = "The country's dashboard: population by category and risk level, classifications and overrides"
                    + " per month, pending approvals, due and overdue reviews, referrals, days from admission to first"
                    + " classification. Months as YYYY-MM, both included; the last twelve by default")
    Mono<NationalDashboard> getNationalDashboard(
            CallerAuthentication caller,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        return dashboards.dashboard(tenant(caller), from, to);
    }

    @GetMapping("/{section}.csv")
    @Operation(
            summary = "One section of the country's dashboard as CSV: population-by-category, population-by-risk-level,"
                    + " classifications, pending-approvals, reviews, referrals or admission-to-classification")
    @ApiResponse(
            responseCode = "200",
            description = "The section as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such section")
    Mono<ResponseEntity<String>> exportNationalDashboardSection(
            CallerAuthentication caller,
            @PathVariable String section,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        DashboardSection chosen = DashboardSection.byPath(section)
                .orElseThrow(() -> new NotFoundException("No dashboard section " + section));
        Tenant tenant = tenant(caller);
        return dashboards
                .dashboard(tenant, from, to)
                .map(d -> chosen.csv(d)
                        .download(tenant.code().toLowerCase() + "-" + chosen.path() + "-" + d.from() + "-" + d.to()
                                + ".csv"));
    }

    private static Tenant tenant(CallerAuthentication caller) {
        return caller.caller().tenant().orElseThrow();
    }
}
