package org.custodia.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.Jwts;
import org.custodia.testsupport.OwnerDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The identity wall: only tokens of the platform realm and of ACTIVE tenants' realms, correctly signed, current,
 * meant for this API and of the access-token type, get in. Each refusal is a 401 problem.
 */
@DisplayName("Trusted issuers")
class TrustedIssuersIT extends IntegrationTestBase {

    private WebTestClient.ResponseSpec me(String token) {
        return client.get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange();
    }

    private void assertRefused(String token) {
        me(token)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.sub")
                .doesNotExist();
    }

    @Nested
    @DisplayName("accepted")
    class Accepted {

        @Test
        void kazakhstanTokenNamesKazakhstan() {
            me(tokens.of("kz:ASSESSOR"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.tenant.code")
                    .isEqualTo("KZ")
                    .jsonPath("$.realm")
                    .isEqualTo("kz")
                    .jsonPath("$.roles[0]")
                    .isEqualTo("ASSESSOR");
        }

        @Test
        void kyrgyzstanTokenNamesKyrgyzstan() {
            me(tokens.of("kg:SUPERVISOR"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.tenant.code")
                    .isEqualTo("KG")
                    .jsonPath("$.roles[0]")
                    .isEqualTo("SUPERVISOR");
        }

        @Test
        void platformTokenHasNoTenant() {
            me(tokens.of("platform:PROGRAMME_COORDINATOR"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.realm")
                    .isEqualTo("platform")
                    .jsonPath("$.tenant")
                    .doesNotExist()
                    .jsonPath("$.roles[0]")
                    .isEqualTo("PROGRAMME_COORDINATOR");
        }

        @Test
        void tenantChosenByTheClientIsIgnored() {
            client.get()
                    .uri("/api/me?tenant=KG&tenantId=01900000-0000-7000-8000-00000000004c")
                    .header(HttpHeaders.AUTHORIZATION, bearer(tokens.of("kz:ANALYST")))
                    .header("X-Tenant-Id", "01900000-0000-7000-8000-00000000004c")
                    .header("X-Tenant", "KG")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.tenant.code")
                    .isEqualTo("KZ");
        }
    }

    @Nested
    @DisplayName("refused with 401")
    class Refused {

        @Test
        void missingToken() {
            client.get()
                    .uri("/api/me")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }

        @Test
        void garbageToken() {
            assertRefused("not-a-jwt");
        }

        @Test
        void tokenOfARealmThatIsNoTenant() {
            // Keycloak's own master realm is real and signs valid tokens, but it is no tenant of ours.
            String master = tokens.passwordGrant("master", "admin", "admin", "admin-cli", "")
                    .get("access_token")
                    .asString();
            assertRefused(master);
        }

        @Test
        void tokenOfASuspendedTenantAtOnceAndAcceptedAgainOnReactivation() {
            String token = tokens.of("kg:AUDITOR");
            me(token).expectStatus().isOk();
            OwnerDatabase.setTenantStatus("KG", "SUSPENDED");
            try {
                assertRefused(token);
            } finally {
                OwnerDatabase.setTenantStatus("KG", "ACTIVE");
            }
            me(token).expectStatus().isOk();
        }

        @Test
        void forgedPayloadUnderARealSignature() {
            String real = tokens.of("kz:ANALYST");
            String elevated = Jwts.payload(real).replace("\"ANALYST\"", "\"COUNTRY_ADMIN\"");
            assertThat(elevated).isNotEqualTo(Jwts.payload(real));
            assertRefused(Jwts.withPayload(real, elevated));
        }

        @Test
        void tokenSignedByAnotherKey() throws Exception {
            String real = tokens.of("kz:ANALYST");
            var keys = KeyPairGenerator.getInstance("RSA");
            keys.initialize(2048);
            var pair = keys.generateKeyPair();
            String unsigned = Jwts.encode(Jwts.header(real)) + "." + Jwts.encode(Jwts.payload(real));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(pair.getPrivate());
            rsa.update(unsigned.getBytes());
            assertRefused(
                    unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign()));
        }

        @Test
        void unsignedTokenWithAlgNone() {
            String real = tokens.of("kz:COUNTRY_ADMIN");
            assertRefused(
                    Jwts.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Jwts.encode(Jwts.payload(real)) + ".");
        }

        @Test
        void expiredToken() {
            // This client's tokens live one second (keycloak/realms/demo-kz.json); the tests allow no clock skew.
            String shortLived = tokens.passwordGrant("kz", "kz.assessor", "custodia-test-expiring", "")
                    .get("access_token")
                    .asString();
            String challenge = await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> String.valueOf(me(shortLived)
                                    .returnResult(String.class)
                                    .getResponseHeaders()
                                    .getFirst(HttpHeaders.WWW_AUTHENTICATE)),
                            value -> value.contains("expired"));
            assertThat(challenge).contains("invalid_token");
            assertRefused(shortLived);
        }

        @Test
        void tokenForAnotherAudience() {
            // admin-cli is a client of the kz realm with no audience mapper: same user, same signature, no
            // custodia-api.
            String otherAudience = tokens.passwordGrant("kz", "kz.assessor", "admin-cli", "")
                    .get("access_token")
                    .asString();
            assertThat(Jwts.payload(otherAudience)).doesNotContain("custodia-api\"");
            assertRefused(otherAudience);
        }

        @Test
        void idTokenInsteadOfAccessToken() {
            String idToken = tokens.passwordGrant("kz", "kz.assessor", "custodia-test", "openid")
                    .get("id_token")
                    .asString();
            assertThat(Jwts.payload(idToken)).contains("\"typ\":\"ID\"");
            assertRefused(idToken);
        }
    }
}
