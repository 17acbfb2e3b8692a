package org.custodia.prisoner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The sentence being served.
 *
 * @param lengthMonths the term in months; null for a life sentence
 * @param expectedRelease null for a life sentence
 * @param courtRegime the category code a court ordered, when it did
 */
public record Sentence(
        @NotNull LocalDate start,
        LocalDate expectedRelease,
        @Min(0) @Max(1200) Integer lengthMonths,
        boolean life,
        String courtRegime) {}
