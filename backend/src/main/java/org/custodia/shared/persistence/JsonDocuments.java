package org.custodia.shared.persistence;

import io.r2dbc.postgresql.codec.Json;
import java.util.Map;
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

    /** A multilingual text: language code to text. */
    public Map<String, String> texts(Json column) {
        return read(column, TEXTS);
    }
}
