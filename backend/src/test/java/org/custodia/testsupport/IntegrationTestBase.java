package org.custodia.testsupport;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service on a random port against the real PostgreSQL and Keycloak that {@code scripts/test.sh} started.
 * Starts nothing itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class IntegrationTestBase {

    protected final Tokens tokens = new Tokens();

    @Autowired
    protected WebTestClient client;

    /**
     * The first requests of a fresh context (JIT, CEL compilation, JWKS fetch) can take longer than WebTestClient's 5 s
     * default on a busy shared machine; a slow answer is not a failure, a wrong one is.
     */
    @BeforeEach
    void patientClient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestEnvironment.requireServices();
        registry.add("spring.r2dbc.url", () -> TestEnvironment.R2DBC_URL);
        registry.add("spring.flyway.url", () -> TestEnvironment.JDBC_URL);
        registry.add("custodia.security.keycloak-url", () -> TestEnvironment.KEYCLOAK_URL);
        // Expiry is tested with a token that lives one second; production tolerates 30 s of clock skew.
        registry.add("custodia.security.clock-skew", () -> "0s");
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Any request as a demo user; add a body with {@code bodyValue} where the method takes one. */
    protected WebTestClient.RequestBodySpec requestAs(
            String realmAndRole, HttpMethod method, String uri, Object... variables) {
        return client.method(method)
                .uri(uri, variables)
                .header(HttpHeaders.AUTHORIZATION, bearer(tokens.of(realmAndRole)));
    }

    protected WebTestClient.RequestHeadersSpec<?> getAs(String realmAndRole, String uri, Object... variables) {
        return client.get().uri(uri, variables).header(HttpHeaders.AUTHORIZATION, bearer(tokens.of(realmAndRole)));
    }
}
