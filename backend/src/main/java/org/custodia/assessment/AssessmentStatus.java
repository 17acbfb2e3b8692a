package org.custodia.assessment;

/**
 * Where an assessment is in its life: DRAFT → SUBMITTED → APPROVED, or SUBMITTED → RETURNED → SUBMITTED again. Only
 * APPROVED assessments feed classification and sentence plans.
 */
public enum AssessmentStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED;

    /** Answers change only before submission, or after a supervisor returned the assessment. */
    boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
