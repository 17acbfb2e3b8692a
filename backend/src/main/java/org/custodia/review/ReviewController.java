package org.custodia.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.custodia.review.ReviewViews.DueCounts;
import org.custodia.review.ReviewViews.DueReviewPage;
import org.custodia.review.ReviewViews.PreReleasePage;
import org.custodia.security.CallerAuthentication;
import org.custodia.security.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/reviews")
@ApiResponse(responseCode = "401", description = "No valid token")
@ApiResponse(responseCode = "403", description = "Role not allowed")
class ReviewController {

    /** The counts name nobody, so the country's analysts may read them for their dashboards. */
    private static final String CASE_WORKER_OR_ANALYST = "hasAnyRole('ASSESSOR', 'SUPERVISOR', 'ANALYST')";

    private final ReviewLists lists;

    ReviewController(ReviewLists lists) {
        this.lists = lists;
    }

    @GetMapping("/due")
    @PreAuthorize(Roles.CASE_WORKER)
    @Operation(
            summary = "Prisoners whose classification review falls on or before a day (today in the country by"
                    + " default), most overdue first; the list shown is audited")
    @ApiResponse(responseCode = "404", description = "No such facility in this country")
    Mono<DueReviewPage> listDueReviews(
            CallerAuthentication caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) UUID facilityId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        return lists.due(caller.caller().tenant().orElseThrow(), new ReviewQuery(on, facilityId, page, size));
    }

    @GetMapping("/due/counts")
    @PreAuthorize(CASE_WORKER_OR_ANALYST)
    @Operation(summary = "How many reviews are due and overdue on a day, per facility and for the country")
    Mono<DueCounts> countDueReviews(
            CallerAuthentication caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return lists.counts(caller.caller().tenant().orElseThrow(), on);
    }

    @GetMapping("/pre-release")
    @PreAuthorize(Roles.CASE_WORKER)
    @Operation(
            summary = "Sentenced prisoners whose expected release falls within the country's pre-release window and"
                    + " who have no assessment started since it opened, soonest release first; audited")
    @ApiResponse(responseCode = "404", description = "No such facility in this country")
    Mono<PreReleasePage> listPreReleaseAssessmentsDue(
            CallerAuthentication caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) UUID facilityId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        return lists.preRelease(caller.caller().tenant().orElseThrow(), new ReviewQuery(on, facilityId, page, size));
    }
}
