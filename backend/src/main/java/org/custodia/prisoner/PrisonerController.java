package org.custodia.prisoner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodia.security.Roles;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.InvalidRequestException;
import org.custodia.shared.web.Paging;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/prisoners")
@PreAuthorize(Roles.CASE_WORKER)
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Only assessors and supervisors see prisoners")
class PrisonerController {

    private final PrisonerRegister register;

    PrisonerController(PrisonerRegister register) {
        this.register = register;
    }

    @GetMapping
    @Operation(summary = "Search the register by number or name, facility, category, review date and legal status")
    Mono<PrisonerPage> searchPrisoners(
            @RequestParam(required = false) String text,
            @RequestParam(required = false) UUID facilityId,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewDueBy,
            @RequestParam(required = false) LegalStatus legalStatus,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        List<FieldError> errors = new ArrayList<>(Paging.problems(page, size));
        if (text != null && text.length() > 200) {
            errors.add(new FieldError("text", "must be at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The search is not valid.", errors);
        }
        return register.search(new PrisonerQuery(text, facilityId, category, reviewDueBy, legalStatus, page, size));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a prisoner")
    @ApiResponse(responseCode = "409", description = "The number is registered already")
    @ApiResponse(
            responseCode = "422",
            description = "Unknown facility, offence or regime, or a sentence that does not fit")
    Mono<Prisoner> registerPrisoner(@Valid @RequestBody PrisonerForm form) {
        return register.register(form);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A prisoner's record (the read is audited)")
    @ApiResponse(responseCode = "404", description = "No such prisoner in this country")
    Mono<Prisoner> getPrisoner(@PathVariable UUID id) {
        return register.read(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a prisoner's record (optimistic locking on version)")
    @ApiResponse(responseCode = "404", description = "No such prisoner in this country")
    @ApiResponse(responseCode = "409", description = "Stale version, or the number belongs to someone else")
    @ApiResponse(
            responseCode = "422",
            description = "Unknown facility, offence or regime, or a sentence that does not fit")
    Mono<Prisoner> updatePrisoner(@PathVariable UUID id, @Valid @RequestBody PrisonerForm form) {
        return register.update(id, form);
    }
}
