package org.custodia.methodology.instrument;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.methodology.VersionStatus;
import org.custodia.shared.error.FieldError;

/** Response bodies of the instrument endpoints. */
final class InstrumentViews {

    private InstrumentViews() {}

    record InstrumentView(
            UUID id,
            String code,
            InstrumentKind kind,
            Map<String, String> name,
            Map<String, String> description,
            long version,
            List<VersionSummary> versions) {}

    record VersionSummary(UUID id, int number, VersionStatus status, long version, Instant publishedAt) {}

    /**
     * @param problems for a draft: what still stops it from being published (empty when it could be)
     */
    record VersionView(
            UUID id,
            UUID instrumentId,
            int number,
            VersionStatus status,
            long version,
            InstrumentDefinition definition,
            Instant publishedAt,
            Instant retiredAt,
            List<FieldError> problems) {}

    /** The exchange format between countries, documented in {@code docs/instrument-schema.md}. */
    record ExportedVersion(
            @NotNull String schema,
            @NotNull @Valid ExportedInstrument instrument,
            @NotNull InstrumentDefinition definition) {
        static final String SCHEMA = "custodia/instrument-version@1";
    }

    record ExportedInstrument(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9_-]{0,62}", message = "must be lower-case letters, digits, _ or -")
            String code,

            @NotNull InstrumentKind kind,
            @NotEmpty Map<String, String> name,
            Map<String, String> description) {}
}
