package org.custodia.methodology.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The country's programme catalogue, edited as a whole under {@code version} (0 before the first save). */
public record ProgrammeList(
        @NotNull @PositiveOrZero Long version,
        @NotNull @Size(max = 500) List<@Valid @NotNull Programme> programmes) {}
