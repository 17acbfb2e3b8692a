package org.custodia.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.custodia.assessment.AssessmentRequests.AnswerAssessment;
import org.custodia.assessment.AssessmentRequests.ApproveAssessment;
import org.custodia.assessment.AssessmentRequests.ReturnAssessment;
import org.custodia.assessment.AssessmentRequests.StartAssessment;
import org.custodia.assessment.AssessmentRequests.SubmitAssessment;
import org.custodia.security.CallerAuthentication;
import org.custodia.security.Roles;
import org.custodia.shared.idempotency.IdempotencyKey;
import org.custodia.shared.web.InboxCount;
import org.custodia.shared.web.Paging;
import org.custodia.tenancy.Tenant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Assessments: assessors and supervisors start, answer and submit them; supervisors approve or return them, never one
 * they started or submitted themselves (403, with the reason).
 */
@RestController
@RequestMapping("/api")
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(
        responseCode = "403",
        description = "Only assessors and supervisors work with assessments; only supervisors decide them, and never"
                + " one they started or submitted (four eyes: the problem's detail says so)")
class AssessmentController {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String SUPERVISOR = "hasRole('SUPERVISOR')";

    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    private static Tenant tenant(CallerAuthentication caller) {
        return caller.caller().tenant().orElseThrow();
    }

    @PostMapping("/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.CASE_WORKER)
    @Operation(summary = "Start an assessment of a prisoner with a published instrument version, pinned for life")
    @ApiResponse(responseCode = "404", description = "No such prisoner or instrument version in this country")
    @ApiResponse(responseCode = "422", description = "The version is not PUBLISHED (instrumentVersionId)")
    Mono<AssessmentView> startAssessment(CallerAuthentication caller, @Valid @RequestBody StartAssessment request) {
        return assessments.start(caller.caller(), request);
    }

    @GetMapping("/assessments/{id}")
    @PreAuthorize(Roles.CASE_WORKER)
    @Operation(
            summary =
                    "An assessment with its scoring: live while editable, stored once submitted (the read is audited)")
    @ApiResponse(responseCode = "404", description = "No such assessment in this country")
    Mono<AssessmentView> getAssessment(CallerAuthentication caller, @PathVariable UUID id) {
        return assessments.read(tenant(caller), id);
    }

    @PatchMapping("/assessments/{id}")
    @PreAuthorize(Roles.CASE_WORKER)
    @Operation(
            summary = "Save answers as they are given: only the changed ones (null clears one), optionally the"
                    + " judgement, and the version read; returns the live scoring")
    @ApiResponse(responseCode = "400", description = "An answer names no item or has the wrong type (answers.<code>)")
    @ApiResponse(responseCode = "404", description = "No such assessment in this country")
    @ApiResponse(responseCode = "409", description = "Stale version, or the assessment is neither DRAFT nor RETURNED")
    Mono<AssessmentView> answerAssessment(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody AnswerAssessment request) {
        return assessments.answer(tenant(caller), id, request);
    }

    @PostMapping("/assessments/{id}/submission")
    @PreAuthorize(Roles.CASE_WORKER)
    @Operation(
            summary = "Score on the server and submit for approval. Idempotent: the same Idempotency-Key with the same"
                    + " request returns the first response (header Idempotent-Replayed: true) without acting again")
    @ApiResponse(responseCode = "400", description = "Idempotency-Key absent or malformed")
    @ApiResponse(responseCode = "404", description = "No such assessment in this country")
    @ApiResponse(responseCode = "409", description = "Stale version, or the assessment is neither DRAFT nor RETURNED")
    @ApiResponse(
            responseCode = "422",
            description = "Required answers or the judgement missing (answers.<code>, judgement.level,"
                    + " judgement.rationale, overall), or the Idempotency-Key was used for another request")
    Mono<ResponseEntity<AssessmentView>> submitAssessment(
            CallerAuthentication caller,
            @PathVariable UUID id,
            @Parameter(
                            in = ParameterIn.HEADER,
                            required = true,
                            description = "8 to 128 letters, digits or . _ : -; a new one (e.g. a UUID) per submission,"
                                    + " the same one when retrying it")
                    @RequestHeader(name = IdempotencyKey.HEADER, required = false)
                    String idempotencyKey,
            @Valid @RequestBody SubmitAssessment request) {
        IdempotencyKey key = IdempotencyKey.parse(idempotencyKey);
        return assessments
                .submit(caller.caller(), id, key, request)
                .map(outcome -> ResponseEntity.ok()
                        .header(REPLAYED_HEADER, String.valueOf(outcome.replayed()))
                        .body(outcome.response()));
    }

    @PostMapping("/assessments/{id}/approval")
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "Approve a submitted assessment: from now on it feeds classification and sentence plans")
    @ApiResponse(responseCode = "404", description = "No such assessment in this country")
    @ApiResponse(responseCode = "409", description = "Not SUBMITTED, or stale version")
    Mono<AssessmentView> approveAssessment(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody ApproveAssessment request) {
        return assessments.approve(caller.caller(), id, request.version(), request.comment());
    }

    @PostMapping("/assessments/{id}/return")
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "Return a submitted assessment with a comment: it becomes editable and can be resubmitted")
    @ApiResponse(responseCode = "400", description = "No comment")
    @ApiResponse(responseCode = "404", description = "No such assessment in this country")
    @ApiResponse(responseCode = "409", description = "Not SUBMITTED, or stale version")
    Mono<AssessmentView> returnAssessment(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody ReturnAssessment request) {
        return assessments.sendBack(caller.caller(), id, request.version(), request.comment());
    }

    @GetMapping("/prisoners/{prisonerId}/assessments")
    @PreAuthorize(Roles.CASE_WORKER)
    @Operation(summary = "A prisoner's assessments, newest first (the read is audited)")
    @ApiResponse(responseCode = "404", description = "No such prisoner in this country")
    Mono<List<AssessmentSummary>> listPrisonerAssessments(@PathVariable UUID prisonerId) {
        return assessments.ofPrisoner(prisonerId);
    }

    @GetMapping("/assessments/inbox")
    @PreAuthorize(SUPERVISOR)
    @Operation(
            summary = "The approval inbox: submitted assessments, oldest first, each marked whether the caller may"
                    + " decide it (the read is audited)")
    Mono<AssessmentInbox> assessmentInbox(
            CallerAuthentication caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        Paging.requireValid(page, size);
        return assessments.inbox(caller.caller().subject(), page, size);
    }

    @GetMapping("/assessments/inbox/count")
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "How many submitted assessments await a decision in the country (names no one; not audited)")
    Mono<InboxCount> assessmentInboxCount() {
        return assessments.waiting();
    }
}
