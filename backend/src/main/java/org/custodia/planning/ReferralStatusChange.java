package org.custodia.planning;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A step of a referral.
 *
 * @param reason required to decline; optional when dropping
 * @param triggerReview on completion only: record a PROGRAMME_COMPLETION trigger, making the prisoner due for review
 * @param version the version read
 */
record ReferralStatusChange(
        @NotNull ReferralStatus status,
        @Size(max = 2000) String reason,
        Boolean triggerReview,
        @NotNull @PositiveOrZero Long version) {

    boolean triggersReview() {
        return Boolean.TRUE.equals(triggerReview);
    }
}
