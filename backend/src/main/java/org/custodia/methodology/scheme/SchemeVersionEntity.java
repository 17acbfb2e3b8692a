package org.custodia.methodology.scheme;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.UUID;
import org.custodia.methodology.VersionStatus;
import org.custodia.shared.persistence.UuidV7;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("classification_scheme_version")
record SchemeVersionEntity(
        @Id UUID id,
        int number,
        String status,
        Json definition,
        @Version Long version,
        Instant createdAt,
        Instant publishedAt,
        String publishedBy,
        Instant retiredAt) {

    static SchemeVersionEntity draft(int number, Json definition, Instant now) {
        return new SchemeVersionEntity(
                UuidV7.next(), number, VersionStatus.DRAFT.name(), definition, null, now, null, null, null);
    }

    VersionStatus statusValue() {
        return VersionStatus.valueOf(status);
    }

    SchemeVersionEntity withDefinition(Json newDefinition, long expectedVersion) {
        return new SchemeVersionEntity(id, number, status, newDefinition, expectedVersion, createdAt, null, null, null);
    }

    SchemeVersionEntity published(long expectedVersion, Instant at, String by) {
        return new SchemeVersionEntity(
                id, number, VersionStatus.PUBLISHED.name(), definition, expectedVersion, createdAt, at, by, null);
    }

    SchemeVersionEntity retired(Instant at) {
        return new SchemeVersionEntity(
                id, number, VersionStatus.RETIRED.name(), definition, version, createdAt, publishedAt, publishedBy, at);
    }
}
