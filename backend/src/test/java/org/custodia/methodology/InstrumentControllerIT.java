package org.custodia.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.OwnerDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

@DisplayName("Instruments")
class InstrumentControllerIT extends IntegrationTestBase {

    private MethodologyApi api;

    @BeforeEach
    void api() {
        api = new MethodologyApi(client, tokens);
        api.ensureFourLevels("kz");
        api.ensureFourLevels("kg");
    }

    private static Map<String, Object> fullAnswers() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("prior_escapes", "one");
        answers.put("violent_incidents", 2);
        answers.put("weapon_used", true);
        answers.put("weapon_type", List.of("blade", "firearm"));
        answers.put("age", 23);
        answers.put("family_contact", false);
        answers.put("employment", true);
        return answers;
    }

    @Nested
    @DisplayName("POST /api/methodology/instruments")
    class Create {

        private final Map<String, Object> request = Map.of(
                "code",
                "screen-" + UUID.randomUUID().toString().substring(0, 8),
                "kind",
                "SCREENING",
                "name",
                Map.of("en", "Screening"));

        @Test
        void rejectsMissingToken() {
            client.post()
                    .uri("/api/methodology/instruments")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(request)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsAnAssessor() {
            api.call("kz:ASSESSOR", "POST", "/api/methodology/instruments", request)
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        void namesAnInvalidCodeAndKind() {
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "POST",
                            "/api/methodology/instruments",
                            Map.of("code", "Bad Code", "kind", "SCREENING", "name", Map.of("en", "x")))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("code");
        }

        @Test
        void refusesATakenCode() {
            api.call("kz:COUNTRY_ADMIN", "POST", "/api/methodology/instruments", request)
                    .expectStatus()
                    .isCreated();
            api.call("kz:COUNTRY_ADMIN", "POST", "/api/methodology/instruments", request)
                    .expectStatus()
                    .isEqualTo(409);
        }
    }

    @Nested
    @DisplayName("GET /api/methodology/instruments/{id}")
    class Get {

        @Test
        void rejectsMissingToken() {
            client.get()
                    .uri("/api/methodology/instruments/{id}", UUID.randomUUID())
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void hidesAnotherCountrysInstrument() {
            UUID kzInstrument = api.newInstrument("kz");
            api.call("kz:ASSESSOR", "GET", "/api/methodology/instruments/" + kzInstrument, null)
                    .expectStatus()
                    .isOk();
            api.call("kg:COUNTRY_ADMIN", "GET", "/api/methodology/instruments/" + kzInstrument, null)
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.code")
                    .doesNotExist();
            api.call("kg:ANALYST", "GET", "/api/methodology/instruments", null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[?(@.id == '" + kzInstrument + "')]")
                    .isEmpty();
        }

        @Test
        void rejectsPlatformStaff() {
            api.call("platform:PLATFORM_ADMIN", "GET", "/api/methodology/instruments", null)
                    .expectStatus()
                    .isForbidden();
        }
    }

    @Nested
    @DisplayName("Drafts: PUT /api/methodology/instrument-versions/{id}, POST …/publish")
    class Lifecycle {

        @Test
        void aDraftListsItsProblemsAndCannotBePublishedUntilFixed() {
            Map<String, Object> broken = MethodologyApi.definition("custody-rating.json");
            @SuppressWarnings("unchecked")
            Map<String, Object> firstScale = (Map<String, Object>) ((List<?>) broken.get("scales")).get(0);
            firstScale.put("items", List.of("prior_escapes", "no_such_item"));
            UUID draft = api.draft("kz", api.newInstrument("kz"), broken);

            api.call("kz:ASSESSOR", "GET", "/api/methodology/instrument-versions/" + draft, null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("DRAFT")
                    .jsonPath("$.problems[0].field")
                    .isEqualTo("definition.scales[0].items[1]");

            api.call(
                            "kz:COUNTRY_ADMIN",
                            "POST",
                            "/api/methodology/instrument-versions/" + draft + "/publish",
                            Map.of("version", 0))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("definition.scales[0].items[1]");

            api.call(
                            "kz:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/instrument-versions/" + draft,
                            Map.of("definition", MethodologyApi.definition("custody-rating.json"), "version", 0))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.version")
                    .isEqualTo(1)
                    .jsonPath("$.problems.length()")
                    .isEqualTo(0);

            api.call(
                            "kz:COUNTRY_ADMIN",
                            "POST",
                            "/api/methodology/instrument-versions/" + draft + "/publish",
                            Map.of("version", 1))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("PUBLISHED");
        }

        @Test
        void publishingNamesALevelCodeTheOverallFormulaMisspells() {
            Map<String, Object> definition = MethodologyApi.definition("custody-rating.json");
            definition.put(
                    "overall",
                    Map.of("mode", "BOTH", "formula", "levels.total == 'HIHG' ? 'VERY_HIGH' : levels.total"));
            UUID draft = api.draft("kz", api.newInstrument("kz"), definition);
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "POST",
                            "/api/methodology/instrument-versions/" + draft + "/publish",
                            Map.of("version", 0))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors.length()")
                    .isEqualTo(1)
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("definition.overall.formula")
                    .jsonPath("$.errors[0].message")
                    .value(message -> assertThat((String) message).startsWith("'HIHG' is neither"))
                    .jsonPath("$.errors[0].column")
                    .isEqualTo(17);
            assertThat(api.body(
                                    api.call(
                                            "kz:ASSESSOR",
                                            "GET",
                                            "/api/methodology/instrument-versions/" + draft,
                                            null),
                                    200)
                            .get("status"))
                    .isEqualTo("DRAFT");
        }

        @Test
        void publishingRefusesAMissingDataRuleOnAFormulaScale() {
            Map<String, Object> definition = MethodologyApi.definition("custody-rating.json");
            @SuppressWarnings("unchecked")
            Map<String, Object> total = (Map<String, Object>) ((List<?>) definition.get("scales")).get(2);
            total.put("missing", Map.of("maxMissing", 1, "policy", "PRORATE"));
            UUID draft = api.draft("kz", api.newInstrument("kz"), definition);
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "POST",
                            "/api/methodology/instrument-versions/" + draft + "/publish",
                            Map.of("version", 0))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors.length()")
                    .isEqualTo(1)
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("definition.scales[2].missing");
        }

        @Test
        void aStaleSaveIsRefusedAndLosesNothing() {
            UUID draft = api.draft("kz", api.newInstrument("kz"), MethodologyApi.definition("custody-rating.json"));
            Map<String, Object> edited = MethodologyApi.definition("custody-rating.json");
            edited.put("overall", Map.of("mode", "JUDGEMENT"));
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/instrument-versions/" + draft,
                            Map.of("definition", edited, "version", 0))
                    .expectStatus()
                    .isOk();
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/instrument-versions/" + draft,
                            Map.of("definition", MethodologyApi.definition("custody-rating.json"), "version", 0))
                    .expectStatus()
                    .isEqualTo(409);
            api.call("kz:COUNTRY_ADMIN", "GET", "/api/methodology/instrument-versions/" + draft, null)
                    .expectBody()
                    .jsonPath("$.definition.overall.mode")
                    .isEqualTo("JUDGEMENT");
        }

        @Test
        void aPublishedVersionNeverChangesAndANewDraftCopiesIt() {
            UUID published = api.publishedVersion("kz", "custody-rating.json");
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/instrument-versions/" + published,
                            Map.of("definition", MethodologyApi.definition("custody-rating.json"), "version", 1))
                    .expectStatus()
                    .isEqualTo(409);

            Map<?, ?> version = api.body(
                    api.call("kz:ANALYST", "GET", "/api/methodology/instrument-versions/" + published, null), 200);
            Map<?, ?> next = api.body(
                    api.call(
                            "kz:COUNTRY_ADMIN",
                            "POST",
                            "/api/methodology/instruments/" + version.get("instrumentId") + "/versions",
                            Map.of("copyFrom", published.toString())),
                    201);
            assertThat(next.get("number")).isEqualTo(2);
            assertThat(next.get("status")).isEqualTo("DRAFT");
            assertThat(next.get("definition")).isEqualTo(version.get("definition"));
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "POST",
                            "/api/methodology/instruments/" + version.get("instrumentId") + "/versions",
                            Map.of())
                    .expectStatus()
                    .isEqualTo(409);
        }

        @Test
        void theDatabaseRefusesToChangeAPublishedDefinitionEvenForTheOwner() {
            UUID published = api.publishedVersion("kz", "custody-rating.json");
            assertThatThrownBy(() -> OwnerDatabase.execute(
                            "begin; select set_config('app.tenant_id', '01900000-0000-7000-8000-00000000004b', true);"
                                    + " update instrument_version set definition = '{}' where id = '" + published
                                    + "'; commit;"))
                    .hasMessageContaining("cannot change");
        }

        @Test
        void retiringNeedsAPublishedVersion() {
            UUID published = api.publishedVersion("kz", "custody-rating.json");
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "POST",
                            "/api/methodology/instrument-versions/" + published + "/retire",
                            Map.of("version", 1))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("RETIRED");
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "POST",
                            "/api/methodology/instrument-versions/" + published + "/retire",
                            Map.of("version", 2))
                    .expectStatus()
                    .isEqualTo(409);
        }

        @Test
        void anotherCountryCannotChangeOrPublishIt() {
            UUID draft = api.draft("kz", api.newInstrument("kz"), MethodologyApi.definition("custody-rating.json"));
            api.call(
                            "kg:COUNTRY_ADMIN",
                            "PUT",
                            "/api/methodology/instrument-versions/" + draft,
                            Map.of("definition", MethodologyApi.definition("custody-rating.json"), "version", 0))
                    .expectStatus()
                    .isNotFound();
            api.call(
                            "kg:COUNTRY_ADMIN",
                            "POST",
                            "/api/methodology/instrument-versions/" + draft + "/publish",
                            Map.of("version", 0))
                    .expectStatus()
                    .isNotFound();
            api.call("kz:COUNTRY_ADMIN", "GET", "/api/methodology/instrument-versions/" + draft, null)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("DRAFT")
                    .jsonPath("$.version")
                    .isEqualTo(0);
        }
    }

    @Nested
    @DisplayName("POST /api/methodology/instrument-versions/{id}/dry-run")
    class DryRun {

        @Test
        void scoresHandComputedAnswers() {
            UUID version = api.publishedVersion("kz", "custody-rating.json");
            api.call(
                            "kz:ASSESSOR",
                            "POST",
                            "/api/methodology/instrument-versions/" + version + "/dry-run",
                            Map.of("answers", fullAnswers()))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.scales[0].score")
                    .isEqualTo(27.0)
                    .jsonPath("$.scales[1].score")
                    .isEqualTo(9.0)
                    .jsonPath("$.scales[2].score")
                    .isEqualTo(31.5)
                    .jsonPath("$.scales[2].level")
                    .isEqualTo("HIGH")
                    .jsonPath("$.overall.level")
                    .isEqualTo("HIGH")
                    .jsonPath("$.overall.complete")
                    .isEqualTo(true);
        }

        @Test
        void namesAnAnswerOfTheWrongTypeAndAnUnknownItem() {
            UUID version = api.publishedVersion("kz", "custody-rating.json");
            Map<String, Object> answers = fullAnswers();
            answers.put("age", "twenty");
            answers.put("shoe_size", 44);
            api.call(
                            "kz:ASSESSOR",
                            "POST",
                            "/api/methodology/instrument-versions/" + version + "/dry-run",
                            Map.of("answers", answers))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[?(@.field == 'answers.age')]")
                    .isNotEmpty()
                    .jsonPath("$.errors[?(@.field == 'answers.shoe_size')]")
                    .isNotEmpty();
        }

        @Test
        void hidesAnotherCountrysVersion() {
            UUID version = api.publishedVersion("kz", "custody-rating.json");
            api.call(
                            "kg:ASSESSOR",
                            "POST",
                            "/api/methodology/instrument-versions/" + version + "/dry-run",
                            Map.of("answers", fullAnswers()))
                    .expectStatus()
                    .isNotFound();
        }
    }

    @Nested
    @DisplayName("Export and import")
    class Sharing {

        @Test
        void anExportedVersionImportsIntoAnotherCountryAsADraft() {
            UUID kzVersion = api.publishedVersion("kz", "custody-rating.json");
            Map<?, ?> exported = api.body(
                    api.call(
                            "kz:COUNTRY_ADMIN",
                            "GET",
                            "/api/methodology/instrument-versions/" + kzVersion + "/export",
                            null),
                    200);
            assertThat(exported.get("schema")).isEqualTo("custodia/instrument-version@1");

            Map<?, ?> imported = api.body(
                    api.call("kg:COUNTRY_ADMIN", "POST", "/api/methodology/instruments/import", exported), 201);
            assertThat(imported.get("status")).isEqualTo("DRAFT");
            assertThat(imported.get("definition")).isEqualTo(exported.get("definition"));
            assertThat((List<?>) imported.get("problems")).isEmpty();
            assertThat(imported.get("id")).isNotEqualTo(kzVersion.toString());
        }

        @Test
        @SuppressWarnings("unchecked")
        void refusesAVersionOfAnotherKindForAnExistingInstrumentAndChangesNothing() {
            UUID published = api.publishedVersion("kz", "custody-rating.json");
            Map<String, Object> document = new HashMap<>((Map<String, Object>) api.body(
                    api.call(
                            "kz:COUNTRY_ADMIN",
                            "GET",
                            "/api/methodology/instrument-versions/" + published + "/export",
                            null),
                    200));
            Map<String, Object> instrument = new HashMap<>((Map<String, Object>) document.get("instrument"));
            instrument.put("kind", "NEEDS");
            document.put("instrument", instrument);

            api.call("kz:COUNTRY_ADMIN", "POST", "/api/methodology/instruments/import", document)
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("instrument.kind")
                    .jsonPath("$.errors[0].message")
                    .value(message ->
                            assertThat((String) message).contains("NEEDS").contains("ACTUARIAL"));

            Object instrumentId = api.body(
                            api.call("kz:ASSESSOR", "GET", "/api/methodology/instrument-versions/" + published, null),
                            200)
                    .get("instrumentId");
            api.call("kz:ASSESSOR", "GET", "/api/methodology/instruments/" + instrumentId, null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.kind")
                    .isEqualTo("ACTUARIAL")
                    .jsonPath("$.versions.length()")
                    .isEqualTo(1);
        }

        @Test
        void refusesAnUnknownSchema() {
            api.call(
                            "kz:COUNTRY_ADMIN",
                            "POST",
                            "/api/methodology/instruments/import",
                            Map.of(
                                    "schema", "something-else",
                                    "instrument", Map.of("code", "x-1", "kind", "SPJ", "name", Map.of("en", "X")),
                                    "definition", Map.of()))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("schema");
        }
    }
}
