package org.custodia.shared.persistence;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A table row that PostgreSQL turned into a JSON object ({@code to_json(t)}, {@code json_agg(t)}), read like a row
 * of the driver, so the mappers a table already has read it too. Knows the types the mappers ask for: text, uuid,
 * integers, booleans, dates, timestamps (PostgreSQL writes them in ISO 8601 with an offset), text arrays, jsonb.
 */
final class JsonRow implements Readable {

    private final JsonNode row;

    JsonRow(JsonNode row) {
        this.row = row;
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        JsonNode value = row.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return type.cast(convert(value, type));
    }

    private static Object convert(JsonNode value, Class<?> type) {
        if (type == String.class) {
            return value.asString();
        } else if (type == UUID.class) {
            return UUID.fromString(value.asString());
        } else if (type == Long.class) {
            return value.asLong();
        } else if (type == Integer.class) {
            return value.asInt();
        } else if (type == Boolean.class) {
            return value.asBoolean();
        } else if (type == LocalDate.class) {
            return LocalDate.parse(value.asString());
        } else if (type == Instant.class) {
            return OffsetDateTime.parse(value.asString()).toInstant();
        } else if (type == String[].class) {
            return value.values().stream().map(JsonNode::asString).toArray(String[]::new);
        } else if (type == Json.class) {
            return Json.of(value.toString());
        }
        throw new IllegalArgumentException("No conversion of a JSON row's value to " + type.getName());
    }

    @Override
    public Object get(int index) {
        throw new UnsupportedOperationException("A JSON row's columns are read by name");
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        throw new UnsupportedOperationException("A JSON row's columns are read by name");
    }

    @Override
    public Object get(String name) {
        throw new UnsupportedOperationException("A JSON row's columns are read with their type");
    }
}
