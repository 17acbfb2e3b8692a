package org.custodia.facility;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.custodia.security.CallerAuthentication;
import org.custodia.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/facilities")
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Role not allowed")
class FacilityController {

    private static final String ADMIN = "hasRole('COUNTRY_ADMIN')";

    private final FacilityService facilities;

    FacilityController(FacilityService facilities) {
        this.facilities = facilities;
    }

    @GetMapping
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "The country's institutions with the categories they may hold, capacity and population")
    Flux<Facility> listFacilities() {
        return facilities.list();
    }

    @PostMapping
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an institution")
    @ApiResponse(responseCode = "409", description = "Code taken")
    @ApiResponse(responseCode = "422", description = "A name missing the default language or an unknown category")
    Mono<Facility> createFacility(CallerAuthentication caller, @Valid @RequestBody FacilityForm form) {
        return facilities.create(caller.caller().tenant().orElseThrow(), form);
    }

    @PutMapping("/{id}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Change an institution (optimistic locking on version)")
    @ApiResponse(responseCode = "404", description = "No such facility in this country")
    @ApiResponse(responseCode = "409", description = "Stale version or code taken")
    @ApiResponse(responseCode = "422", description = "A name missing the default language or an unknown category")
    Mono<Facility> updateFacility(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody FacilityForm form) {
        return facilities.update(caller.caller().tenant().orElseThrow(), id, form);
    }
}
