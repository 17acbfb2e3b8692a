package org.custodia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiIT extends IntegrationTestBase {

    private JsonNode apiDocs() {
        String body = client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }

    @Test
    void documentsTheBearerSchemeAndRequiresItByDefault() {
        JsonNode docs = apiDocs();
        assertThat(docs.path("openapi").asString()).startsWith("3.");
        assertThat(docs.at("/components/securitySchemes/bearer-jwt/scheme").asString())
                .isEqualTo("bearer");
        assertThat(docs.at("/security/0").has("bearer-jwt")).isTrue();
        assertThat(docs.at("/paths/~1api~1me/get").isMissingNode()).isFalse();
        assertThat(docs.at("/paths/~1api~1public~1tenants/get/security").isEmpty())
                .isTrue();
    }

    @Test
    void carriesTheBuildVersion() {
        assertThat(apiDocs().at("/info/version").asString()).isNotBlank().isNotEqualTo("dev");
    }

    @Test
    void hasNoDuplicatedOperationIds() {
        List<String> ids = new ArrayList<>();
        apiDocs()
                .path("paths")
                .forEach(path -> path.forEach(operation -> {
                    if (operation.has("operationId")) {
                        ids.add(operation.get("operationId").asString());
                    }
                }));
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+$"));
    }
}
