package org.custodia.methodology.instrument;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.custodia.methodology.instrument.InstrumentRequests.CreateInstrument;
import org.custodia.methodology.instrument.InstrumentRequests.DryRun;
import org.custodia.methodology.instrument.InstrumentRequests.NewDraft;
import org.custodia.methodology.instrument.InstrumentRequests.SaveDraft;
import org.custodia.methodology.instrument.InstrumentRequests.Transition;
import org.custodia.methodology.instrument.InstrumentViews.ExportedVersion;
import org.custodia.methodology.instrument.InstrumentViews.InstrumentView;
import org.custodia.methodology.instrument.InstrumentViews.VersionView;
import org.custodia.security.CallerAuthentication;
import org.custodia.security.Roles;
import org.custodia.tenancy.Tenant;
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

/** Instruments: everyone in the country reads them; only the country administrator changes them. */
@RestController
@RequestMapping("/api/methodology")
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Role not allowed")
class InstrumentController {

    private static final String ADMIN = "hasRole('COUNTRY_ADMIN')";

    private final InstrumentService service;

    InstrumentController(InstrumentService service) {
        this.service = service;
    }

    private static Tenant tenant(CallerAuthentication caller) {
        return caller.caller().tenant().orElseThrow();
    }

    @GetMapping("/instruments")
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "All instruments with their versions")
    Flux<InstrumentView> instruments() {
        return service.list();
    }

    @PostMapping("/instruments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ADMIN)
    @Operation(summary = "Create an instrument (without versions)")
    @ApiResponse(responseCode = "409", description = "The code is taken")
    Mono<InstrumentView> createInstrument(@Valid @RequestBody CreateInstrument request) {
        return service.create(request);
    }

    @GetMapping("/instruments/{id}")
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "One instrument with its versions")
    @ApiResponse(responseCode = "404", description = "No such instrument in this country")
    Mono<InstrumentView> instrument(@PathVariable UUID id) {
        return service.get(id);
    }

    @PostMapping("/instruments/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ADMIN)
    @Operation(summary = "Start the next version as a draft: empty, from a definition, or copied from a version")
    @ApiResponse(responseCode = "409", description = "A draft exists already")
    Mono<VersionView> newInstrumentDraft(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody NewDraft request) {
        return service.newDraft(tenant(caller), id, request);
    }

    @PostMapping("/instruments/import")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ADMIN)
    @Operation(summary = "Import a shared version (docs/instrument-schema.md) as a new draft")
    @ApiResponse(responseCode = "409", description = "The instrument with this code has a draft already")
    @ApiResponse(
            responseCode = "422",
            description = "Unknown schema, or this country's instrument with the code is of another kind")
    Mono<VersionView> importVersion(CallerAuthentication caller, @Valid @RequestBody ExportedVersion document) {
        return service.importVersion(tenant(caller), document);
    }

    @GetMapping("/instrument-versions/{versionId}")
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "A version's definition; a draft also lists what stops it from being published")
    Mono<VersionView> instrumentVersion(CallerAuthentication caller, @PathVariable UUID versionId) {
        return service.getVersion(tenant(caller), versionId);
    }

    @PutMapping("/instrument-versions/{versionId}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Save a draft's definition (optimistic locking on version)")
    @ApiResponse(responseCode = "409", description = "Stale version, or the version is not a draft")
    Mono<VersionView> saveInstrumentDraft(
            CallerAuthentication caller, @PathVariable UUID versionId, @Valid @RequestBody SaveDraft request) {
        return service.saveDraft(tenant(caller), versionId, request);
    }

    @PostMapping("/instrument-versions/{versionId}/publish")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Validate and publish a draft; it never changes afterwards")
    @ApiResponse(responseCode = "422", description = "The draft has problems, each named by its path")
    Mono<VersionView> publishInstrumentVersion(
            CallerAuthentication caller, @PathVariable UUID versionId, @Valid @RequestBody Transition request) {
        return service.publish(caller.caller(), versionId, request.version());
    }

    @PostMapping("/instrument-versions/{versionId}/retire")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Retire a published version: no new assessments use it")
    Mono<VersionView> retireInstrumentVersion(
            CallerAuthentication caller, @PathVariable UUID versionId, @Valid @RequestBody Transition request) {
        return service.retire(tenant(caller), versionId, request.version());
    }

    @PostMapping("/instrument-versions/{versionId}/dry-run")
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "Score answers against any version without storing anything")
    @ApiResponse(responseCode = "400", description = "An answer names no item or has the wrong type")
    @ApiResponse(responseCode = "422", description = "The version itself has problems")
    Mono<ScoringResult> dryRun(
            CallerAuthentication caller, @PathVariable UUID versionId, @Valid @RequestBody DryRun request) {
        return service.dryRun(tenant(caller), versionId, request);
    }

    @GetMapping("/instrument-versions/{versionId}/export")
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "The version as a shareable JSON document")
    Mono<ExportedVersion> exportInstrumentVersion(@PathVariable UUID versionId) {
        return service.export(versionId);
    }
}
