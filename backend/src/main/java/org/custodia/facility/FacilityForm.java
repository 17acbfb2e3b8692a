package org.custodia.facility;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * What a country administrator writes about an institution.
 *
 * @param categories codes of the legal categories (of the scheme in force) it may hold
 * @param version the version read, when changing an existing facility; absent when creating one
 */
public record FacilityForm(
        @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "must be 1-32 capitals, digits, _ or -")
        String code,

        @NotEmpty Map<String, String> name,
        @NotNull List<@NotNull String> categories,
        @NotNull @Min(0) @Max(1_000_000) Integer capacity,
        Long version) {}
