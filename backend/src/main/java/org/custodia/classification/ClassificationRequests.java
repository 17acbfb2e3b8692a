package org.custodia.classification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

final class ClassificationRequests {

    static final int MAX_TEXT = 4000;

    private ClassificationRequests() {}

    /** Accept the proposal as it is, or withdraw the decision: only the version read is needed. */
    record AcceptClassification(@NotNull @PositiveOrZero Long version) {}

    record WithdrawClassification(@NotNull @PositiveOrZero Long version) {}

    /** Choose another category than the proposal, saying why. */
    record OverrideClassification(
            @NotNull @PositiveOrZero Long version,
            @NotBlank String category,
            @NotNull OverrideReason reason,
            @NotBlank @Size(max = MAX_TEXT) String narrative) {}

    record ApproveClassification(
            @NotNull @PositiveOrZero Long version,
            @Size(max = MAX_TEXT) String comment) {}

    record RejectClassification(
            @NotNull @PositiveOrZero Long version,
            @NotBlank @Size(max = MAX_TEXT) String comment) {}
}
