package org.custodia.methodology.instrument;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.UUID;
import org.custodia.methodology.VersionStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One version of an instrument. The database itself refuses to change a definition once it is not a draft. */
@Table("instrument_version")
record InstrumentVersionEntity(
        @Id UUID id,
        UUID instrumentId,
        int number,
        String status,
        Json definition,
        @Version Long version,
        Instant createdAt,
        Instant publishedAt,
        String publishedBy,
        Instant retiredAt) {

    VersionStatus statusValue() {
        return VersionStatus.valueOf(status);
    }

    InstrumentVersionEntity withDefinition(Json newDefinition, long expectedVersion) {
        return new InstrumentVersionEntity(
                id, instrumentId, number, status, newDefinition, expectedVersion, createdAt, null, null, null);
    }

    InstrumentVersionEntity published(long expectedVersion, Instant at, String by) {
        return new InstrumentVersionEntity(
                id,
                instrumentId,
                number,
                VersionStatus.PUBLISHED.name(),
                definition,
                expectedVersion,
                createdAt,
                at,
                by,
                null);
    }

    InstrumentVersionEntity retired(long expectedVersion, Instant at) {
        return new InstrumentVersionEntity(
                id,
                instrumentId,
                number,
                VersionStatus.RETIRED.name(),
                definition,
                expectedVersion,
                createdAt,
                publishedAt,
                publishedBy,
                at);
    }
}
