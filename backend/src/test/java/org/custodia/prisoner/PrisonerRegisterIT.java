package org.custodia.prisoner;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.testsupport.CycleApi;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class PrisonerRegisterIT extends IntegrationTestBase {

    private CycleApi cycle() {
        return new CycleApi(client, tokens);
    }

    private WebTestClient.ResponseSpec put(String realmAndRole, UUID id, Map<String, Object> form) {
        return client.put()
                .uri("/api/prisoners/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(tokens.of(realmAndRole)))
                .bodyValue(form)
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String realmAndRole, Map<String, Object> form) {
        return client.post()
                .uri("/api/prisoners")
                .header(HttpHeaders.AUTHORIZATION, bearer(tokens.of(realmAndRole)))
                .bodyValue(form)
                .exchange();
    }

    @Test
    void registeredPrisonerIsReadBackAsWritten() {
        Map<String, Object> form = CycleApi.sentencedMan("kz");
        form.put("offences", List.of("EXTREMIST_GROUP"));
        form.put("flags", List.of("VEO"));
        Map<String, Object> created = cycle().register("kz", form);

        getAs("kz:SUPERVISOR", "/api/prisoners/{id}", created.get("id"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.number")
                .isEqualTo(form.get("number"))
                .jsonPath("$.sentence.lengthMonths")
                .isEqualTo(72)
                .jsonPath("$.sentence.expectedRelease")
                .isEqualTo("2031-01-15")
                .jsonPath("$.offences[0]")
                .isEqualTo("EXTREMIST_GROUP")
                .jsonPath("$.flags[0]")
                .isEqualTo("VEO")
                .jsonPath("$.currentCategory")
                .doesNotExist()
                .jsonPath("$.version")
                .isEqualTo(0);
    }

    @Test
    void staleChangeIsRefusedAndLosesNothing() {
        Map<String, Object> form = CycleApi.sentencedMan("kz");
        UUID id = UUID.fromString((String) cycle().register("kz", form).get("id"));

        form.put("version", 0);
        form.put("familyName", "First");
        put("kz:ASSESSOR", id, form)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(1);

        form.put("familyName", "Second");
        put("kz:SUPERVISOR", id, form).expectStatus().isEqualTo(409);

        getAs("kz:ASSESSOR", "/api/prisoners/{id}", id)
                .exchange()
                .expectBody()
                .jsonPath("$.familyName")
                .isEqualTo("First");
    }

    @Test
    void numberIsUniqueInTheCountryButNotAcrossCountries() {
        Map<String, Object> form = CycleApi.sentencedMan("kz");
        cycle().register("kz", form);
        post("kz:ASSESSOR", form).expectStatus().isEqualTo(409);

        Map<String, Object> sameNumberInKg = CycleApi.sentencedMan("kg");
        sameNumberInKg.put("number", form.get("number"));
        cycle().register("kg", sameNumberInKg);
    }

    @Test
    void inconsistentRecordIsRefusedNamingEachField() {
        Map<String, Object> form = CycleApi.sentencedMan("kz");
        form.put("legalStatus", "REMAND");
        form.put("offences", List.of("NO-SUCH-CODE"));
        form.put("facilityId", CycleApi.DEMO_FACILITY.get("kg").toString());
        post("kz:ASSESSOR", form)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'sentence')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'offences[0]')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'facilityId')]")
                .exists();

        Map<String, Object> lifer = CycleApi.sentencedMan("kz");
        @SuppressWarnings("unchecked")
        Map<String, Object> sentence = (Map<String, Object>) lifer.get("sentence");
        sentence.put("life", true);
        sentence.put("courtRegime", "no_such_regime");
        post("kz:ASSESSOR", lifer)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'sentence.lengthMonths')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'sentence.courtRegime')]")
                .exists();

        Map<String, Object> malformed = CycleApi.sentencedMan("kz");
        malformed.remove("familyName");
        malformed.put("sex", "X");
        post("kz:ASSESSOR", malformed)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'familyName')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'sex')]")
                .exists();

        Map<String, Object> choosingTenant = CycleApi.sentencedMan("kz");
        choosingTenant.put("tenantId", UUID.randomUUID().toString());
        post("kz:ASSESSOR", choosingTenant).expectStatus().isBadRequest();

        getAs("kz:ASSESSOR", "/api/prisoners?text={n}", form.get("number"))
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void searchFindsByNumberAndNameAndPages() {
        String family = "Zhanuzakov" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> form = CycleApi.sentencedMan("kz");
            form.put("familyName", family);
            form.put("givenNames", "Arman " + i);
            cycle().register("kz", form);
        }
        getAs("kz:ASSESSOR", "/api/prisoners?text={t}&size=2", family.toLowerCase())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(3)
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.items[0].givenNames")
                .isEqualTo("Arman 0");
        getAs("kz:ASSESSOR", "/api/prisoners?text={t}&size=2&page=1", family)
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].givenNames")
                .isEqualTo("Arman 2");
        getAs("kz:ASSESSOR", "/api/prisoners?text={t}&facilityId={f}", family, CycleApi.DEMO_FACILITY.get("kz"))
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(3);
        getAs("kz:ASSESSOR", "/api/prisoners?size=500")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("size");
        // Wildcards typed by a user are plain characters.
        getAs("kz:ASSESSOR", "/api/prisoners?text=%25")
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void onlyCaseWorkersOfTheCountrySeeIt() {
        Map<String, Object> form = CycleApi.sentencedMan("kz");
        UUID id = UUID.fromString((String) cycle().register("kz", form).get("id"));

        client.get().uri("/api/prisoners/{id}", id).exchange().expectStatus().isUnauthorized();
        for (String role : List.of("kz:ANALYST", "kz:AUDITOR", "kz:COUNTRY_ADMIN", "platform:PROGRAMME_COORDINATOR")) {
            getAs(role, "/api/prisoners/{id}", id).exchange().expectStatus().isForbidden();
            getAs(role, "/api/prisoners").exchange().expectStatus().isForbidden();
            post(role, CycleApi.sentencedMan("kz")).expectStatus().isForbidden();
        }

        getAs("kg:ASSESSOR", "/api/prisoners/{id}", id)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.number")
                .doesNotExist();
        form.put("version", 0);
        form.put("familyName", "Changed from Kyrgyzstan");
        form.put("facilityId", CycleApi.DEMO_FACILITY.get("kg").toString());
        put("kg:SUPERVISOR", id, form).expectStatus().isNotFound();
        getAs("kg:ASSESSOR", "/api/prisoners?text={n}", form.get("number"))
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
        getAs("kz:ASSESSOR", "/api/prisoners/{id}", id)
                .exchange()
                .expectBody()
                .jsonPath("$.familyName")
                .isEqualTo("Testov");
    }
}
