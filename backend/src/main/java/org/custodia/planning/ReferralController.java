package org.custodia.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.custodia.security.CallerAuthentication;
import org.custodia.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api")
@PreAuthorize(Roles.CASE_WORKER)
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Only assessors and supervisors handle referrals")
class ReferralController {

    private final Referrals referrals;

    ReferralController(Referrals referrals) {
        this.referrals = referrals;
    }

    @PostMapping("/prisoners/{prisonerId}/referrals/proposals")
    @Operation(
            summary = "Propose referrals to the programmes that address the needs the prisoner's latest approved"
                    + " assessments found and whose eligibility holds; proposing again duplicates nothing")
    @ApiResponse(responseCode = "404", description = "No such prisoner in this country")
    @ApiResponse(responseCode = "409", description = "The prisoner has been released")
    Mono<List<ProposalOutcome>> proposeReferrals(CallerAuthentication caller, @PathVariable UUID prisonerId) {
        return referrals.propose(caller.caller(), prisonerId);
    }

    @GetMapping("/prisoners/{prisonerId}/referrals")
    @Operation(summary = "The prisoner's programme referrals, oldest first (the read is audited)")
    @ApiResponse(responseCode = "404", description = "No such prisoner in this country")
    Mono<List<Referral>> listReferrals(@PathVariable UUID prisonerId) {
        return referrals.list(prisonerId);
    }

    @PostMapping("/referrals/{id}/status")
    @Operation(
            summary = "Move a referral on: accept (REFERRED), decline with a reason (DECLINED), STARTED, COMPLETED"
                    + " (optionally triggering a review) or DROPPED; optimistic locking on version")
    @ApiResponse(responseCode = "404", description = "No such referral in this country")
    @ApiResponse(responseCode = "409", description = "Stale version, or a step the referral's status does not allow")
    @ApiResponse(
            responseCode = "422",
            description = "Declining without a reason, or triggering a review other than on completion")
    Mono<Referral> changeReferralStatus(
            CallerAuthentication caller, @PathVariable UUID id, @Valid @RequestBody ReferralStatusChange change) {
        return referrals.change(caller.caller(), id, change);
    }
}
