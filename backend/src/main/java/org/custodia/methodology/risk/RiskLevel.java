package org.custodia.methodology.risk;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/** One of a country's risk levels. Its position in the list is its rank, lowest first. */
public record RiskLevel(
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be upper-case letters, digits and _")
        String code,

        @NotEmpty Map<String, String> name,
        @NotNull CommonLevel commonLevel) {}
