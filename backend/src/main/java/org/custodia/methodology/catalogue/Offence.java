package org.custodia.methodology.catalogue;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * An offence of the country's criminal code.
 *
 * @param code the country's own code, often the article ("255.1")
 * @param gravity the code's gravity class, e.g. MINOR, MEDIUM, GRAVE, ESPECIALLY_GRAVE
 */
public record Offence(
        @NotNull
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}", message = "must be up to 32 letters, digits, . _ -")
        String code,

        @NotEmpty Map<String, String> name,

        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be upper-case letters, digits and _")
        String gravity) {}
