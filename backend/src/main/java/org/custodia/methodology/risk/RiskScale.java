package org.custodia.methodology.risk;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A country's ordered risk levels, lowest first, edited as a whole.
 *
 * @param version the version last read (0 before the first save); a stale version is refused with 409
 */
public record RiskScale(
        @NotNull @PositiveOrZero Long version,
        @NotNull @Size(min = 2, max = 12) List<@Valid @NotNull RiskLevel> levels) {

    public List<String> codes() {
        return levels.stream().map(RiskLevel::code).toList();
    }
}
