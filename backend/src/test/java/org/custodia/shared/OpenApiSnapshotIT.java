package org.custodia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web client's typed API (frontend/src/api/schema.d.ts) is generated from a committed snapshot of
 * {@code /v3/api-docs}, {@code frontend/src/api/openapi.json}. This test fails when the snapshot no longer matches
 * what the service serves, so the client and the API cannot drift apart unnoticed. The comparison is semantic
 * (parsed JSON, key order ignored) and leaves out what varies between runs: {@code servers} (the port) and
 * {@code info.version} (the build).
 *
 * <p>To refresh the snapshot: {@code scripts/refresh-openapi.sh}, or run this test with
 * {@code -Dcustodia.openapi.write=true}; then {@code npm run api:types} in {@code frontend/} and commit both files.
 */
class OpenApiSnapshotIT extends IntegrationTestBase {

    static final String WRITE_PROPERTY = "custodia.openapi.write";
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void frontendSnapshotMatchesTheServedDocument() throws IOException {
        JsonNode served = normalised(JSON.readTree(client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody()));
        Path snapshot = snapshotPath();

        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.writeString(snapshot, JSON.writeValueAsString(sorted(served)) + "\n");
            return;
        }

        assertThat(Files.exists(snapshot))
                .as("%s is missing. %s", snapshot, howToRefresh())
                .isTrue();
        JsonNode committed = normalised(JSON.readTree(Files.readString(snapshot)));
        assertThat(committed)
                .as("%s is stale: the API changed. %s", snapshot, howToRefresh())
                .isEqualTo(served);
    }

    private static String howToRefresh() {
        return "Refresh it with scripts/refresh-openapi.sh (or run this test with -D" + WRITE_PROPERTY
                + "=true), then run `npm run api:types` in frontend/ and commit openapi.json and schema.d.ts.";
    }

    /** Leaves out what differs between runs of the same code. */
    private static JsonNode normalised(JsonNode document) {
        ObjectNode copy = ((ObjectNode) document).deepCopy();
        copy.remove("servers");
        if (copy.get("info") instanceof ObjectNode info) {
            info.remove("version");
        }
        return copy;
    }

    /** Object keys in alphabetical order at every level, so the committed file diffs well. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            node.propertyNames().stream().sorted().forEach(name -> out.set(name, sorted(node.get(name))));
            return out;
        }
        if (node.isArray()) {
            var out = JSON.createArrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    /** frontend/src/api/openapi.json from the repository root, whether Maven runs in the root or in backend/. */
    private static Path snapshotPath() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("frontend"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no frontend/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("frontend/src/api/openapi.json");
    }
}
