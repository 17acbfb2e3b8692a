package org.custodia.classification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodia.methodology.scheme.ClassificationFacts;
import org.custodia.methodology.scheme.RuleEngine;
import org.custodia.security.Actor;

public final class ClassificationViews {

    private ClassificationViews() {}

    /**
     * A classification decision with everything that explains it.
     *
     * @param facts what the rules saw of the prisoner on the day of the proposal
     * @param trace every rule tried, in order: its code, category, whether it matched, its reason in each language,
     *     and the error that stopped it if any; the last one matched and made the proposal
     * @param proposedByRule the code of the rule that made the proposal
     * @param category what the author submitted: the proposal, or the override's category; null while PROPOSED
     * @param override the reason and narrative when the author chose another category than the proposal
     * @param decidedBy the supervisor who approved or rejected it, with the comment
     * @param effectiveOn for an approved decision, the day it took effect (in the country's time zone)
     * @param nextReviewOn for an approved decision, the effective day plus the category's review interval
     * @param transferNeeded the prisoner's current facility may not hold this decision's category (the one submitted,
     *     or the proposal before that)
     */
    public record DecisionView(
            UUID id,
            UUID prisonerId,
            UUID schemeVersionId,
            DecisionStatus status,
            ClassificationFacts facts,
            List<RuleEngine.RuleOutcome> trace,
            String proposedCategory,
            String proposedByRule,
            String category,
            CategoryOverride override,
            Actor proposedBy,
            Instant proposedAt,
            Instant submittedAt,
            Actor decidedBy,
            Instant decidedAt,
            String decisionComment,
            LocalDate effectiveOn,
            LocalDate nextReviewOn,
            boolean transferNeeded,
            long version,
            Instant updatedAt) {}

    public record CategoryOverride(OverrideReason reason, String narrative) {}

    /**
     * A decision awaiting a supervisor, with whether the caller may decide it.
     *
     * @param whyNot when the caller may not decide it, the reason (e.g. they proposed it themselves)
     */
    record InboxItem(
            UUID id,
            UUID prisonerId,
            String prisonerNumber,
            String familyName,
            String givenNames,
            String proposedCategory,
            String category,
            OverrideReason overrideReason,
            Actor proposedBy,
            Instant submittedAt,
            boolean transferNeeded,
            boolean mayDecide,
            String whyNot,
            long version) {}

    /**
     * One page of the decisions awaiting approval, oldest first, shaped like the assessment inbox.
     *
     * @param total how many await approval, on every page
     */
    record Inbox(List<InboxItem> items, int page, int size, long total) {}
}
