package org.custodia.facility;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class FacilityIT extends IntegrationTestBase {

    private static Map<String, Object> form(String code, List<String> categories, Object version) {
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("code", code);
        form.put("name", Map.of("kk", "Мекеме " + code, "en", "Facility " + code));
        form.put("categories", categories);
        form.put("capacity", 300);
        form.put("version", version);
        return form;
    }

    private static String newCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private WebTestClient.ResponseSpec create(String realmAndRole, Map<String, Object> form) {
        return client.post()
                .uri("/api/facilities")
                .header(HttpHeaders.AUTHORIZATION, bearer(tokens.of(realmAndRole)))
                .bodyValue(form)
                .exchange();
    }

    private WebTestClient.ResponseSpec update(String realmAndRole, Object id, Map<String, Object> form) {
        return client.put()
                .uri("/api/facilities/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(tokens.of(realmAndRole)))
                .bodyValue(form)
                .exchange();
    }

    @Test
    void administratorDescribesAFacilityEveryoneReadsIt() {
        String code = newCode();
        Map<?, ?> created = create("kz:COUNTRY_ADMIN", form(code, List.of("minimum_security"), null))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        update("kz:COUNTRY_ADMIN", created.get("id"), form(code, List.of("minimum_security", "medium_security"), 0))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.categories.length()")
                .isEqualTo(2)
                .jsonPath("$.version")
                .isEqualTo(1);
        update("kz:COUNTRY_ADMIN", created.get("id"), form(code, List.of("prison"), 0))
                .expectStatus()
                .isEqualTo(409);

        getAs("kz:ANALYST", "/api/facilities")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.code == '" + code + "')].categories[1]")
                .isEqualTo("medium_security")
                .jsonPath("$[?(@.code == 'KZ-AST-02')].capacity")
                .isEqualTo(1200);
        create("kz:COUNTRY_ADMIN", form(code, List.of(), null)).expectStatus().isEqualTo(409);
    }

    @Test
    void badFacilityIsRefusedNamingTheField() {
        Map<String, Object> form = form(newCode(), List.of("minimum_security", "no_such_category"), null);
        form.put("name", Map.of("en", "English only"));
        create("kz:COUNTRY_ADMIN", form)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'categories[1]')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'name.kk')]")
                .exists();
        create("kz:COUNTRY_ADMIN", form("lower-case", List.of(), null))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("code");
    }

    @Test
    void onlyTheCountrysAdministratorChangesItsFacilities() {
        String code = newCode();
        client.get().uri("/api/facilities").exchange().expectStatus().isUnauthorized();
        create("kz:ASSESSOR", form(code, List.of(), null)).expectStatus().isForbidden();
        create("platform:PLATFORM_ADMIN", form(code, List.of(), null))
                .expectStatus()
                .isForbidden();
        getAs("platform:PROGRAMME_COORDINATOR", "/api/facilities")
                .exchange()
                .expectStatus()
                .isForbidden();

        UUID kazakhFacility = UUID.fromString("01900000-0000-7000-8000-0000000f0002");
        update("kg:COUNTRY_ADMIN", kazakhFacility, form("KZ-AST-02", List.of("general_regime"), 0))
                .expectStatus()
                .isNotFound();
        getAs("kg:ANALYST", "/api/facilities")
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.code == 'KZ-AST-02')]")
                .doesNotExist();
    }
}
