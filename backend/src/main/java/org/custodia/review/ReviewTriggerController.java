package org.custodia.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.custodia.security.CallerAuthentication;
import org.custodia.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/prisoners/{prisonerId}/review-triggers")
@PreAuthorize(Roles.CASE_WORKER)
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Only assessors and supervisors record triggers")
@ApiResponse(responseCode = "404", description = "No such prisoner in this country")
class ReviewTriggerController {

    private final ReviewTriggers triggers;

    ReviewTriggerController(ReviewTriggers triggers) {
        this.triggers = triggers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an event that makes the prisoner due for review today")
    @ApiResponse(responseCode = "409", description = "The prisoner has been released")
    Mono<ReviewTrigger> recordReviewTrigger(
            CallerAuthentication caller, @PathVariable UUID prisonerId, @Valid @RequestBody TriggerForm form) {
        return triggers.add(caller.caller(), prisonerId, form);
    }

    @GetMapping
    @Operation(summary = "The prisoner's trigger events, newest first (the read is audited)")
    Mono<List<ReviewTrigger>> listReviewTriggers(@PathVariable UUID prisonerId) {
        return triggers.list(prisonerId);
    }
}
