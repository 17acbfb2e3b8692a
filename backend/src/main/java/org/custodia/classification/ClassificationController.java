package org.custodia.classification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.custodia.classification.ClassificationRequests.AcceptClassification;
import org.custodia.classification.ClassificationRequests.ApproveClassification;
import org.custodia.classification.ClassificationRequests.OverrideClassification;
import org.custodia.classification.ClassificationRequests.RejectClassification;
import org.custodia.classification.ClassificationRequests.WithdrawClassification;
import org.custodia.classification.ClassificationViews.DecisionView;
import org.custodia.classification.ClassificationViews.Inbox;
import org.custodia.security.CallerAuthentication;
import org.custodia.security.Roles;
import org.custodia.shared.web.InboxCount;
import org.custodia.shared.web.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@PreAuthorize(Roles.CASE_WORKER)
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Role not allowed, or not this person (four eyes; author only)")
class ClassificationController {

    private static final String SUPERVISOR = "hasRole('SUPERVISOR')";

    private final ClassificationService lifecycle;
    private final ClassificationRecords records;

    ClassificationController(ClassificationService lifecycle, ClassificationRecords records) {
        this.lifecycle = lifecycle;
        this.records = records;
    }

    @PostMapping("/api/prisoners/{prisonerId}/classifications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a classification: the rules of the scheme in force, with their trace")
    @ApiResponse(responseCode = "404", description = "No such prisoner in this country")
    @ApiResponse(responseCode = "409", description = "The prisoner has an open decision already")
    @ApiResponse(responseCode = "422", description = "No scheme published, or no rule matched")
    Mono<DecisionView> proposeClassification(CallerAuthentication caller, @PathVariable UUID prisonerId) {
        return lifecycle.propose(caller.caller(), prisonerId);
    }

    @GetMapping("/api/prisoners/{prisonerId}/classifications")
    @Operation(summary = "Every classification decision about the prisoner, newest first (the read is audited)")
    @ApiResponse(responseCode = "404", description = "No such prisoner in this country")
    Flux<DecisionView> prisonerClassifications(@PathVariable UUID prisonerId) {
        return records.history(prisonerId);
    }

    @GetMapping("/api/classifications/inbox")
    @PreAuthorize(SUPERVISOR)
    @Operation(
            summary = "Decisions awaiting approval, oldest first, a page at a time, each saying whether you may decide"
                    + " it (the read is audited)")
    @ApiResponse(responseCode = "400", description = "page below 0, or size not between 1 and 100")
    Mono<Inbox> classificationInbox(
            CallerAuthentication caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        Paging.requireValid(page, size);
        return records.inbox(caller.caller(), page, size);
    }

    @GetMapping("/api/classifications/inbox/count")
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "How many decisions await approval in the country (names no one; not audited)")
    Mono<InboxCount> classificationInboxCount() {
        return records.waiting();
    }

    @GetMapping("/api/classifications/{id}")
    @Operation(summary = "One classification decision with its facts, trace, override and approval (audited)")
    @ApiResponse(responseCode = "404", description = "No such decision in this country")
    Mono<DecisionView> classification(@PathVariable UUID id) {
        return records.decision(id);
    }

    @PostMapping("/api/classifications/{id}/accept")
    @Operation(summary = "The author submits the proposed category (optimistic locking on version)")
    @ApiResponse(responseCode = "404", description = "No such decision in this country")
    @ApiResponse(responseCode = "409", description = "Stale version, or not a proposal any more")
    @ApiResponse(responseCode = "422", description = "The proposal breaks a legal constraint, named in the errors")
    Mono<DecisionView> acceptClassification(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody AcceptClassification request) {
        return lifecycle.accept(caller.caller(), id, request.version());
    }

    @PostMapping("/api/classifications/{id}/override")
    @Operation(summary = "The author submits another category, with a reason code and a narrative")
    @ApiResponse(responseCode = "404", description = "No such decision in this country")
    @ApiResponse(responseCode = "409", description = "Stale version, or not a proposal any more")
    @ApiResponse(
            responseCode = "422",
            description = "Unknown category, the proposal itself, or a legal constraint broken (named in the errors)")
    Mono<DecisionView> overrideClassification(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody OverrideClassification request) {
        return lifecycle.override(caller.caller(), id, request);
    }

    @PostMapping("/api/classifications/{id}/approve")
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "A supervisor other than the author approves: the prisoner's classification from today")
    @ApiResponse(responseCode = "404", description = "No such decision in this country")
    @ApiResponse(
            responseCode = "409",
            description = "Stale version, not awaiting a decision, or the prisoner's facts changed since the proposal"
                    + " (member changedFacts names the parts: the author withdraws and proposes again) or was released")
    Mono<DecisionView> approveClassification(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody ApproveClassification request) {
        return lifecycle.approve(caller.caller(), id, request);
    }

    @PostMapping("/api/classifications/{id}/reject")
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "A supervisor other than the author rejects, with a comment")
    @ApiResponse(responseCode = "404", description = "No such decision in this country")
    @ApiResponse(responseCode = "409", description = "Stale version, or not awaiting a decision")
    Mono<DecisionView> rejectClassification(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody RejectClassification request) {
        return lifecycle.reject(caller.caller(), id, request);
    }

    @PostMapping("/api/classifications/{id}/withdraw")
    @Operation(summary = "The author withdraws an open decision")
    @ApiResponse(responseCode = "404", description = "No such decision in this country")
    @ApiResponse(responseCode = "409", description = "Stale version, or decided already")
    Mono<DecisionView> withdrawClassification(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody WithdrawClassification request) {
        return lifecycle.withdraw(caller.caller(), id, request.version());
    }
}
