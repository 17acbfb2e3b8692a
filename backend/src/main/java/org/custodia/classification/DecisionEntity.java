package org.custodia.classification;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.custodia.security.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code classification_decision}. Each step of the lifecycle is a method returning the next state, carrying
 * the version the caller read so a stale step fails (optimistic locking).
 */
@Table("classification_decision")
record DecisionEntity(
        @Id UUID id,
        UUID prisonerId,
        UUID schemeVersionId,
        String status,
        Json facts,
        Json trace,
        String proposedCategory,
        String category,
        String overrideReason,
        String overrideNarrative,
        @Version Long version,
        String proposedBy,
        String proposedByName,
        Instant proposedAt,
        String submittedBy,
        Instant submittedAt,
        String decidedBy,
        String decidedByName,
        Instant decidedAt,
        String decisionComment,
        LocalDate effectiveOn,
        LocalDate nextReviewOn,
        Instant updatedAt) {

    static DecisionEntity proposed(
            UUID id,
            UUID prisonerId,
            UUID schemeVersionId,
            Json facts,
            Json trace,
            String proposedCategory,
            Actor author,
            Instant now) {
        return new DecisionEntity(
                id,
                prisonerId,
                schemeVersionId,
                DecisionStatus.PROPOSED.name(),
                facts,
                trace,
                proposedCategory,
                null,
                null,
                null,
                null,
                author.subject(),
                author.username(),
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                now);
    }

    DecisionStatus statusValue() {
        return DecisionStatus.valueOf(status);
    }

    /** The author's choice: the proposal (no reason) or an override (reason and narrative). */
    DecisionEntity submitted(
            long expectedVersion, String chosen, OverrideReason reason, String narrative, Instant now) {
        return new DecisionEntity(
                id,
                prisonerId,
                schemeVersionId,
                DecisionStatus.SUBMITTED.name(),
                facts,
                trace,
                proposedCategory,
                chosen,
                reason == null ? null : reason.name(),
                narrative,
                expectedVersion,
                proposedBy,
                proposedByName,
                proposedAt,
                proposedBy,
                now,
                null,
                null,
                null,
                null,
                null,
                null,
                now);
    }

    /**
     * Approved: in effect from {@code today} (the country's date), due for review after the category's interval. A
     * month later than the 31st is the last day of that month (31 August + 6 months = 28 or 29 February).
     */
    DecisionEntity approved(
            long expectedVersion,
            Actor supervisor,
            String comment,
            LocalDate today,
            int reviewIntervalMonths,
            Instant now) {
        return decided(
                DecisionStatus.APPROVED,
                expectedVersion,
                supervisor,
                comment,
                today,
                today.plusMonths(reviewIntervalMonths),
                now);
    }

    DecisionEntity rejected(long expectedVersion, Actor supervisor, String comment, Instant now) {
        return decided(DecisionStatus.REJECTED, expectedVersion, supervisor, comment, null, null, now);
    }

    /** Withdrawn by its author: nobody decided it, so no decider is recorded (the four-eyes check forbids it). */
    DecisionEntity withdrawn(long expectedVersion, Instant now) {
        return new DecisionEntity(
                id,
                prisonerId,
                schemeVersionId,
                DecisionStatus.WITHDRAWN.name(),
                facts,
                trace,
                proposedCategory,
                category,
                overrideReason,
                overrideNarrative,
                expectedVersion,
                proposedBy,
                proposedByName,
                proposedAt,
                submittedBy,
                submittedAt,
                null,
                null,
                null,
                null,
                null,
                null,
                now);
    }

    private DecisionEntity decided(
            DecisionStatus outcome,
            long expectedVersion,
            Actor supervisor,
            String comment,
            LocalDate effective,
            LocalDate review,
            Instant now) {
        return new DecisionEntity(
                id,
                prisonerId,
                schemeVersionId,
                outcome.name(),
                facts,
                trace,
                proposedCategory,
                category,
                overrideReason,
                overrideNarrative,
                expectedVersion,
                proposedBy,
                proposedByName,
                proposedAt,
                submittedBy,
                submittedAt,
                supervisor.subject(),
                supervisor.username(),
                now,
                comment,
                effective,
                review,
                now);
    }
}
