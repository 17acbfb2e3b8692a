package org.custodia.methodology.catalogue;

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
@RequestMapping("/api/methodology")
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Role not allowed")
class CatalogueController {

    private static final String ADMIN = "hasRole('COUNTRY_ADMIN')";

    private final CatalogueService catalogue;

    CatalogueController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/offences")
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "The country's offence codes with their gravity class")
    Mono<OffenceList> offences() {
        return catalogue.offences();
    }

    @PutMapping("/offences")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Replace the offence codes (optimistic locking on version)")
    @ApiResponse(responseCode = "409", description = "Stale version")
    @ApiResponse(responseCode = "422", description = "Duplicate codes or a name missing the default language")
    Mono<OffenceList> replaceOffences(CallerAuthentication caller, @Valid @RequestBody OffenceList list) {
        return catalogue.replaceOffences(caller.caller().tenant().orElseThrow(), list);
    }

    @GetMapping("/programmes")
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "The country's rehabilitation programmes, the needs they address and who is eligible")
    Mono<ProgrammeList> programmes() {
        return catalogue.programmes();
    }

    @PutMapping("/programmes")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Replace the programme catalogue (optimistic locking on version)")
    @ApiResponse(responseCode = "409", description = "Stale version")
    @ApiResponse(responseCode = "422", description = "Duplicate codes, missing names or a wrong eligibility expression")
    Mono<ProgrammeList> replaceProgrammes(CallerAuthentication caller, @Valid @RequestBody ProgrammeList list) {
        return catalogue.replaceProgrammes(caller.caller().tenant().orElseThrow(), list);
    }
}
