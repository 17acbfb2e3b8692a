package org.custodia.methodology.instrument;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("instrument")
record InstrumentEntity(
        @Id UUID id,
        String code,
        String kind,
        Json name,
        Json description,
        @Version Long version,
        Instant createdAt) {}
