package org.custodia.methodology.catalogue;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * A rehabilitation programme.
 *
 * @param needs the needs it addresses: codes of instrument scales or items marked as needs
 * @param eligibility optional CEL over the prisoner's facts; absent means open to everyone
 */
public record Programme(
        @NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,62}", message = "must be lower-case letters, digits and _")
        String code,

        @NotEmpty Map<String, String> name,

        @NotNull
        List<@NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,62}", message = "must be a scale or item code") String> needs,

        String eligibility) {}
