package org.custodia.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the review lists show: people due for review or for their pre-release assessment, and counts. */
final class ReviewViews {

    private ReviewViews() {}

    enum ReviewStatus {
        /** The review falls on the day the list is drawn up for. */
        DUE,
        /** The review date has passed. */
        OVERDUE
    }

    /**
     * A prisoner whose classification review falls on or before the list's day.
     *
     * @param daysOverdue days since the review date; 0 when DUE
     */
    record DueReview(
            UUID prisonerId,
            String number,
            String familyName,
            String givenNames,
            UUID facilityId,
            String currentCategory,
            LocalDate nextReviewOn,
            ReviewStatus status,
            long daysOverdue) {}

    /** @param on the day the list is drawn up for (today in the country unless asked otherwise) */
    record DueReviewPage(LocalDate on, List<DueReview> items, int page, int size, long total) {}

    /** How many reviews are due on the day and how many are overdue, in one facility. */
    record FacilityDueCount(UUID facilityId, String facilityCode, long due, long overdue) {}

    /** Counts per facility (every facility, zeros included) and for the whole country. */
    record DueCounts(LocalDate on, List<FacilityDueCount> facilities, long due, long overdue) {}

    /**
     * A sentenced prisoner whose expected release falls within the pre-release window and who has not been assessed
     * since the window opened.
     *
     * @param windowOpenedOn the expected release less the country's pre-release months
     */
    record PreReleaseDue(
            UUID prisonerId,
            String number,
            String familyName,
            String givenNames,
            UUID facilityId,
            String currentCategory,
            LocalDate expectedRelease,
            LocalDate windowOpenedOn,
            long daysToRelease) {}

    /** @param months the country's pre-release window, in months before the expected release */
    record PreReleasePage(LocalDate on, int months, List<PreReleaseDue> items, int page, int size, long total) {}
}
