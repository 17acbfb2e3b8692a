package org.custodia.methodology.scheme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.UUID;

final class SchemeRequests {

    private SchemeRequests() {}

    /** A new draft: empty, the given definition, or a copy of another version. */
    record NewDraft(SchemeDefinition definition, UUID copyFrom) {}

    record SaveDraft(
            @NotNull SchemeDefinition definition,
            @NotNull @PositiveOrZero Long version) {}

    record Publish(@NotNull @PositiveOrZero Long version) {}

    /**
     * Try the scheme on facts; with {@code category}, also check a decision for it against the constraints.
     */
    record Evaluate(@NotNull @Valid ClassificationFacts facts, String category) {}
}
