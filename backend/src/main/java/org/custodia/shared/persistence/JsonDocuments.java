package org.custodia.shared.persistence;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Converts between {@code jsonb} columns and Java values, with the application's JSON settings. */
@Component
public class JsonDocuments {

    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

    private final JsonMapper json;

    JsonDocuments(JsonMapper json) {
        this.json = json;
    }

    public Json write(Object value) {
        return Json.of(json.writeValueAsBytes(value));
    }

    public <T> T read(Json column, Class<T> type) {
        return json.readValue(column.asArray(), type);
    }

    public <T> T read(Json column, TypeReference<T> type) {
        return json.readValue(column.asArray(), type);
    }

    /**
     * Rows that one statement returned as a JSON array ({@code json_agg(t)}), each read by the table's own row
     * mapper: how a page made of several tables is read in one round trip.
     */
    public <T> List<T> rows(Json array, Function<Readable, T> mapper) {
        return json.readTree(array.asArray()).values().stream()
                .map(row -> mapper.apply(new JsonRow(row)))
                .toList();
    }

    /** A row that a statement returned as a JSON object ({@code to_json(t)}), read by the table's row mapper. */
    public <T> T row(Json object, Function<Readable, T> mapper) {
        return mapper.apply(new JsonRow(json.readTree(object.asArray())));
    }

    /** A multilingual text: language code to text. */
    public Map<String, String> texts(Json column) {
        return read(column, TEXTS);
    }
}
