package org.custodia.planning;

import java.util.UUID;

/**
 * What became of a programme that addresses a need the prisoner's approved assessments found.
 *
 * @param referral the new referral when PROPOSED, the open one when ALREADY_OPEN, else null
 * @param error why the eligibility expression could not be evaluated (then NOT_ELIGIBLE), else null
 */
record ProposalOutcome(
        String programmeCode, String need, UUID assessmentId, Outcome outcome, Referral referral, String error) {

    enum Outcome {
        /** A new referral was proposed. */
        PROPOSED,
        /** An open referral (proposed, referred or started) to the programme exists already. */
        ALREADY_OPEN,
        /** A referral from the same assessment was declined, completed or dropped: it is not proposed again. */
        ALREADY_DECIDED,
        /** The programme's eligibility does not hold for the prisoner today. */
        NOT_ELIGIBLE
    }
}
