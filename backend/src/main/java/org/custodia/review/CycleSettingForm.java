package org.custodia.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** @param version the version read (0 while the country keeps the defaults) */
record CycleSettingForm(
        @NotNull @Min(1) @Max(36) Integer preReleaseMonths,
        @NotNull @PositiveOrZero Long version) {}
