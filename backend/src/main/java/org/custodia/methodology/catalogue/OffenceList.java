package org.custodia.methodology.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The country's offence codes, edited as a whole under {@code version} (0 before the first save). */
public record OffenceList(
        @NotNull @PositiveOrZero Long version,
        @NotNull @Size(max = 2000) List<@Valid @NotNull Offence> offences) {}
