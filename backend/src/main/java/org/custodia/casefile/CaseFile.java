package org.custodia.casefile;

import java.util.List;
import org.custodia.assessment.AssessmentSummary;
import org.custodia.classification.ClassificationViews.DecisionView;
import org.custodia.facility.Facility;
import org.custodia.planning.Referral;
import org.custodia.prisoner.Prisoner;
import org.custodia.review.ReviewTrigger;

/**
 * Everything staff need on one page about a prisoner, read in one transaction and audited once.
 *
 * @param current the approved decision in force, with its rule trace; null before the first
 * @param decisions every classification decision, newest first
 * @param assessments newest first, without answers
 * @param reviewTriggers events that made the prisoner due for review, newest first
 * @param referrals programme referrals, oldest first
 */
public record CaseFile(
        Prisoner prisoner,
        Facility facility,
        DecisionView current,
        List<DecisionView> decisions,
        List<AssessmentSummary> assessments,
        List<ReviewTrigger> reviewTriggers,
        List<Referral> referrals) {}
