package org.custodia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ObservabilityIT extends IntegrationTestBase {

    @Test
    void readinessIncludesTheDatabase() {
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void exposesPrometheusMetrics() {
        client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body ->
                        assertThat(body).contains("jvm_memory_used_bytes").contains("r2dbc_pool_"));
    }

    @Test
    void echoesAWellFormedRequestIdAndReplacesAMalformedOne() {
        client.get()
                .uri("/api/public/tenants")
                .header("X-Request-Id", "trace-1234abcd")
                .exchange()
                .expectHeader()
                .valueEquals("X-Request-Id", "trace-1234abcd");
        client.get()
                .uri("/api/public/tenants")
                .header("X-Request-Id", "bad id\" with spaces")
                .exchange()
                .expectHeader()
                .valueMatches("X-Request-Id", "[0-9a-f-]{36}");
    }

    @Test
    void unknownPathIsAProblemWithTheRequestId() {
        getAs("kz:ANALYST", "/api/no-such-thing")
                .header("X-Request-Id", "trace-unknown-path")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.requestId")
                .isEqualTo("trace-unknown-path")
                .jsonPath("$.trace")
                .doesNotExist();
    }

    @Test
    void wrongMethodIsAProblem() {
        client.delete()
                .uri("/api/public/tenants")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
