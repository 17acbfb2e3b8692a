package org.custodia.methodology.instrument;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the instrument endpoints. None carries an id the server owns, nor a tenant. */
final class InstrumentRequests {

    private InstrumentRequests() {}

    record CreateInstrument(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9_-]{0,62}", message = "must be lower-case letters, digits, _ or -")
            String code,

            @NotNull InstrumentKind kind,
            @NotEmpty Map<String, String> name,
            Map<String, String> description) {}

    /** A new draft: an empty one, the given definition, or a copy of another version of the same instrument. */
    record NewDraft(@Valid InstrumentDefinition definition, UUID copyFrom) {}

    record SaveDraft(
            @NotNull InstrumentDefinition definition,
            @NotNull @PositiveOrZero Long version) {}

    /** Publish or retire the version last read. */
    record Transition(@NotNull @PositiveOrZero Long version) {}

    record DryRun(@NotNull Map<String, Object> answers, Judgement judgement) {}
}
