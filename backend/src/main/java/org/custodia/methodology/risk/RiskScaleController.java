package org.custodia.methodology.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.custodia.security.CallerAuthentication;
import org.custodia.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/methodology/risk-levels")
class RiskScaleController {

    private final RiskScaleService riskScales;

    RiskScaleController(RiskScaleService riskScales) {
        this.riskScales = riskScales;
    }

    @GetMapping
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "The country's risk levels, lowest first, with their common-scale mapping")
    Mono<RiskScale> riskLevels() {
        return riskScales.current();
    }

    @PutMapping
    @PreAuthorize("hasRole('COUNTRY_ADMIN')")
    @Operation(summary = "Replace the country's risk levels (optimistic locking on version)")
    @ApiResponse(responseCode = "409", description = "Stale version")
    @ApiResponse(responseCode = "422", description = "Inconsistent levels, or a level in use is removed")
    Mono<RiskScale> replace(CallerAuthentication caller, @Valid @RequestBody RiskScale scale) {
        return riskScales.replace(caller.caller().tenant().orElseThrow(), scale);
    }
}
