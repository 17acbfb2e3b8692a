package org.custodia.methodology.scheme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.custodia.methodology.scheme.SchemeRequests.Evaluate;
import org.custodia.methodology.scheme.SchemeRequests.NewDraft;
import org.custodia.methodology.scheme.SchemeRequests.Publish;
import org.custodia.methodology.scheme.SchemeRequests.SaveDraft;
import org.custodia.methodology.scheme.SchemeViews.Evaluation;
import org.custodia.methodology.scheme.SchemeViews.SchemeVersionView;
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
@RequestMapping("/api/methodology/classification-scheme")
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Role not allowed")
class SchemeController {

    private static final String ADMIN = "hasRole('COUNTRY_ADMIN')";

    private final SchemeService service;

    SchemeController(SchemeService service) {
        this.service = service;
    }

    @GetMapping
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "The scheme in force: the newest published version")
    @ApiResponse(responseCode = "404", description = "Nothing published yet")
    Mono<SchemeVersionView> schemeInForce(CallerAuthentication caller) {
        return service.inForce(caller.caller().tenant().orElseThrow());
    }

    @GetMapping("/versions")
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "Every version of the scheme, oldest first")
    Flux<SchemeVersionView> schemeVersions(CallerAuthentication caller) {
        return service.list(caller.caller().tenant().orElseThrow());
    }

    @PostMapping("/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ADMIN)
    @Operation(summary = "Start the next version as a draft")
    @ApiResponse(responseCode = "409", description = "A draft exists already")
    Mono<SchemeVersionView> newSchemeDraft(CallerAuthentication caller, @Valid @RequestBody NewDraft request) {
        return service.newDraft(caller.caller().tenant().orElseThrow(), request);
    }

    @GetMapping("/versions/{id}")
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "One version; a draft also lists what stops it from being published")
    Mono<SchemeVersionView> schemeVersion(CallerAuthentication caller, @PathVariable UUID id) {
        return service.get(caller.caller().tenant().orElseThrow(), id);
    }

    @PutMapping("/versions/{id}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Save a draft (optimistic locking on version)")
    Mono<SchemeVersionView> saveSchemeDraft(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody SaveDraft request) {
        return service.saveDraft(caller.caller().tenant().orElseThrow(), id, request);
    }

    @PostMapping("/versions/{id}/publish")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Validate and publish a draft; it replaces the version in force")
    @ApiResponse(responseCode = "422", description = "The draft has problems, each named by its path")
    Mono<SchemeVersionView> publishScheme(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody Publish request) {
        return service.publish(caller.caller(), id, request.version());
    }

    @PostMapping("/versions/{id}/evaluate")
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "Rule tester: the proposal and trace for given facts, and constraint checks for a category")
    Mono<Evaluation> evaluateScheme(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody Evaluate request) {
        return service.evaluate(caller.caller().tenant().orElseThrow(), id, request);
    }
}
