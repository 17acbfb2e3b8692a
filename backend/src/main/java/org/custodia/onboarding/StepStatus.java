package org.custodia.onboarding;

public enum StepStatus {
    PENDING,
    DONE,
    /** The step's error code says why; a retry runs it again. */
    FAILED
}
