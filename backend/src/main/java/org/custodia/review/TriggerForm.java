package org.custodia.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * An event that makes a prisoner due for review.
 *
 * @param note what happened, for the reviewer
 * @param occurredOn the day it happened; today in the country when absent, never later
 */
public record TriggerForm(
        @NotNull TriggerKind kind, @Size(max = 2000) String note, LocalDate occurredOn) {}
