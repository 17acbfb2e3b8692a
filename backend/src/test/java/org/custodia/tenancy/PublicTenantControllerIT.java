package org.custodia.tenancy;

import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.OwnerDatabase;
import org.custodia.testsupport.TestEnvironment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Public tenant list")
class PublicTenantControllerIT extends IntegrationTestBase {

    @Nested
    @DisplayName("GET /api/public/tenants")
    class ActiveTenants {

        @Test
        void listsActiveTenantsWithNamesAndIssuerWithoutAToken() {
            client.get()
                    .uri("/api/public/tenants")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[?(@.code == 'KZ')].issuer")
                    .isEqualTo(TestEnvironment.KEYCLOAK_URL + "/realms/kz")
                    .jsonPath("$[?(@.code == 'KG')].displayName.fr")
                    .isEqualTo("Kirghizistan")
                    .jsonPath("$[?(@.code == 'KG')].defaultLanguage")
                    .isEqualTo("ky")
                    .jsonPath("$[0].id")
                    .doesNotExist();
        }

        @Test
        void leavesOutASuspendedTenant() {
            OwnerDatabase.setTenantStatus("KG", "SUSPENDED");
            try {
                client.get()
                        .uri("/api/public/tenants")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$[?(@.code == 'KG')]")
                        .isEmpty()
                        .jsonPath("$[?(@.code == 'KZ')]")
                        .isNotEmpty();
            } finally {
                OwnerDatabase.setTenantStatus("KG", "ACTIVE");
            }
        }
    }
}
