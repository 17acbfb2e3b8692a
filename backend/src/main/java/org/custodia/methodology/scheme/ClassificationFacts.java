package org.custodia.methodology.scheme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * What classification rules may look at. Built from a prisoner's record by the cycle (issue 4), or given by hand to
 * test a scheme.
 *
 * @param assessments per instrument code, the latest approved assessment's results
 */
public record ClassificationFacts(
        @NotNull @Valid Prisoner prisoner,
        @NotNull @Valid Sentence sentence,
        List<@Valid Offence> offences,
        List<String> flags,
        Map<String, @Valid AssessmentResults> assessments) {

    public ClassificationFacts {
        offences = offences == null ? List.of() : offences;
        flags = flags == null ? List.of() : flags;
        assessments = assessments == null ? Map.of() : assessments;
    }

    public record Prisoner(
            @NotNull @Min(12) @Max(120) Integer age,

            @NotNull @Pattern(regexp = "M|F", message = "must be M or F")
            String sex) {}

    /** @param courtRegime the category code a court ordered, or null */
    public record Sentence(
            @NotNull @Min(0) Integer lengthMonths,
            @NotNull @Min(0) Integer remainingMonths,
            Boolean life,
            String courtRegime) {}

    public record Offence(@NotNull String code, @NotNull String gravity) {}

    /** @param overall the overall rating's risk level code, or null when it has none */
    public record AssessmentResults(String overall, Map<String, String> levels, Map<String, Double> scales) {}
}
