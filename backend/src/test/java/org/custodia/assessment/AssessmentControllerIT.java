package org.custodia.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.assessment.AssessmentApi.CUSTODY_RATING;
import static org.custodia.assessment.AssessmentApi.NEEDS_INVENTORY;
import static org.custodia.assessment.AssessmentApi.NOT_CASE_WORKERS;
import static org.custodia.assessment.AssessmentApi.VE_GUIDE;
import static org.custodia.assessment.AssessmentApi.body;
import static org.custodia.assessment.AssessmentApi.custodyRatingHigh;
import static org.custodia.assessment.AssessmentApi.newKey;
import static org.custodia.assessment.AssessmentApi.veGuideComplete;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

class AssessmentControllerIT extends IntegrationTestBase {

    private static final List<String> NOT_SUPERVISORS = concat(NOT_CASE_WORKERS, List.of("kz:ASSESSOR"));

    private AssessmentApi api;

    @BeforeEach
    void api() {
        api = new AssessmentApi(client, tokens);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, Object> judgement(String level, String rationale) {
        Map<String, Object> judgement = new LinkedHashMap<>();
        judgement.put("level", level);
        judgement.put("rationale", rationale);
        return judgement;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object json) {
        return (List<Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    private Map<String, Object> read(String as, Object id) {
        return body(api.get(as, id), 200);
    }

    /** The audit actions recorded about a record, oldest first. */
    private List<Object> auditActions(String realm, Object entityId) {
        Map<String, Object> page = body(
                api.call(
                        realm + ":AUDITOR",
                        HttpMethod.GET,
                        "/api/audit/entries?limit=200&entityId=" + entityId,
                        null,
                        null),
                200);
        List<Object> actions = new ArrayList<>();
        for (Object entry : (List<?>) page.get("entries")) {
            actions.add(0, ((Map<?, ?>) entry).get("action"));
        }
        return actions;
    }

    /** Runs the calls at the same moment, each on its own thread, and returns their results in order. */
    private static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    @DisplayName("POST /api/assessments")
    class StartAssessment {

        @ParameterizedTest
        @ValueSource(strings = {"kz", "kg"})
        void startsADraftPinnedToTheSeededCustodyRating(String realm) {
            UUID prisoner = api.newPrisoner(realm);
            UUID version = api.publishedVersion(realm, CUSTODY_RATING);
            Map<String, Object> started = body(api.start(realm + ":ASSESSOR", prisoner, version), 201);

            assertThat(started.get("status")).isEqualTo("DRAFT");
            assertThat(started.get("version")).isEqualTo(0);
            assertThat(started.get("prisonerId")).isEqualTo(prisoner.toString());
            assertThat(started.get("instrumentVersionId")).isEqualTo(version.toString());
            assertThat(started.get("instrumentCode")).isEqualTo(CUSTODY_RATING);
            assertThat(started.get("answers")).isEqualTo(Map.of());
            assertThat(started.get("startedBy")).isNotNull();
            Map<?, ?> overall = (Map<?, ?>) ((Map<?, ?>) started.get("scoring")).get("overall");
            assertThat(overall.get("complete")).isEqualTo(false);
        }

        @ParameterizedTest
        @ValueSource(strings = {"kz", "kg"})
        void aSupervisorStartsTheSeededVeGuide(String realm) {
            Map<String, Object> started = api.started(realm + ":SUPERVISOR", VE_GUIDE);
            assertThat(started.get("instrumentCode")).isEqualTo(VE_GUIDE);
            assertThat(started.get("status")).isEqualTo("DRAFT");
        }

        @Test
        void refusesADraftOrRetiredVersionNamingItWhileAssessmentsStartedBeforeKeepTheirs() {
            InstrumentVersions versions = new InstrumentVersions(api, "kz");
            UUID prisoner = api.newPrisoner("kz");
            UUID published = versions.publishedCopyOf(VE_GUIDE);
            Object pinned =
                    body(api.start("kz:ASSESSOR", prisoner, published), 201).get("id");
            UUID draft = versions.draftAfter(published);
            versions.retire(published);

            for (UUID refused : List.of(draft, published)) {
                api.start("kz:ASSESSOR", prisoner, refused)
                        .expectStatus()
                        .isEqualTo(422)
                        .expectBody()
                        .jsonPath("$.errors[0].field")
                        .isEqualTo("instrumentVersionId");
            }
            api.call("kz:ASSESSOR", HttpMethod.GET, "/api/prisoners/" + prisoner + "/assessments", null, null)
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(1);

            // Pinned for life: the assessment started before the version was retired is finished with it.
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("version", 0);
            request.put("answers", veGuideComplete());
            request.put("judgement", judgement("HIGH", "Intent factors are high; capability is low."));
            body(api.patch("kz:ASSESSOR", pinned, request), 200);
            Map<String, Object> submitted = body(api.submit("kz:ASSESSOR", pinned, 1, newKey()), 200);
            assertThat(submitted.get("instrumentVersionId")).isEqualTo(published.toString());
            assertThat(submitted.get("overallLevel")).isEqualTo("HIGH");
        }

        @Test
        void refusesAnotherCountrysPrisonerOrVersionWithoutCreatingAnything() {
            UUID kzPrisoner = api.newPrisoner("kz");
            UUID kgPrisoner = api.newPrisoner("kg");
            UUID kzVersion = api.publishedVersion("kz", CUSTODY_RATING);
            UUID kgVersion = api.publishedVersion("kg", CUSTODY_RATING);

            api.start("kg:ASSESSOR", kzPrisoner, kgVersion)
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.id")
                    .doesNotExist();
            api.start("kg:ASSESSOR", kgPrisoner, kzVersion).expectStatus().isNotFound();
            api.start("kz:ASSESSOR", UUID.randomUUID(), kzVersion)
                    .expectStatus()
                    .isNotFound();

            for (String realm : List.of("kz", "kg")) {
                UUID prisoner = realm.equals("kz") ? kzPrisoner : kgPrisoner;
                api.call(realm + ":ASSESSOR", HttpMethod.GET, "/api/prisoners/" + prisoner + "/assessments", null, null)
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.length()")
                        .isEqualTo(0);
            }
        }

        @Test
        void refusesBadInputNamingTheField() {
            UUID prisoner = api.newPrisoner("kz");
            api.call(
                            "kz:ASSESSOR",
                            HttpMethod.POST,
                            "/api/assessments",
                            Map.of("prisonerId", prisoner.toString()),
                            null)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("instrumentVersionId");
            Map<String, Object> choosingTenant = new LinkedHashMap<>();
            choosingTenant.put("prisonerId", prisoner.toString());
            choosingTenant.put(
                    "instrumentVersionId",
                    api.publishedVersion("kz", CUSTODY_RATING).toString());
            choosingTenant.put("tenantId", UUID.randomUUID().toString());
            api.call("kz:ASSESSOR", HttpMethod.POST, "/api/assessments", choosingTenant, null)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("tenantId");
        }

        @Test
        void onlyCaseWorkersStartAssessments() {
            UUID prisoner = api.newPrisoner("kz");
            UUID version = api.publishedVersion("kz", CUSTODY_RATING);
            api.start(null, prisoner, version).expectStatus().isUnauthorized();
            for (String role : NOT_CASE_WORKERS) {
                api.start(role, prisoner, version).expectStatus().isForbidden();
            }
            api.call("kz:ASSESSOR", HttpMethod.GET, "/api/prisoners/" + prisoner + "/assessments", null, null)
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(0);
        }
    }

    @Nested
    @DisplayName("GET /api/assessments/{id}")
    class GetAssessment {

        @ParameterizedTest
        @ValueSource(strings = {"kz", "kg"})
        void returnsTheAnswersWithTheirLiveScoringAndAuditsTheRead(String realm) {
            Map<String, Object> started = api.started(realm + ":ASSESSOR", CUSTODY_RATING);
            body(api.patch(realm + ":ASSESSOR", started.get("id"), 0, custodyRatingHigh()), 200);

            Map<String, Object> read = read(realm + ":SUPERVISOR", started.get("id"));
            assertThat(read.get("answers")).isEqualTo(custodyRatingHigh());
            assertThat(read.get("version")).isEqualTo(1);
            Map<?, ?> overall = (Map<?, ?>) ((Map<?, ?>) read.get("scoring")).get("overall");
            assertThat(overall.get("level")).isEqualTo("HIGH");
            assertThat(auditActions(realm, started.get("id"))).endsWith("ASSESSMENT_VIEWED");
        }

        @Test
        void onlyCaseWorkersOfTheCountryReadIt() {
            Map<String, Object> started = api.started("kz:ASSESSOR", CUSTODY_RATING);
            api.get(null, started.get("id")).expectStatus().isUnauthorized();
            for (String role : NOT_CASE_WORKERS) {
                api.get(role, started.get("id")).expectStatus().isForbidden();
            }
            api.get("kg:SUPERVISOR", started.get("id"))
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.answers")
                    .doesNotExist()
                    .jsonPath("$.prisonerId")
                    .doesNotExist();
        }
    }

    @Nested
    @DisplayName("PATCH /api/assessments/{id}")
    class AnswerAssessment {

        @ParameterizedTest
        @ValueSource(strings = {"kz", "kg"})
        void mergesTheChangedAnswersAndNullClearsOne(String realm) {
            String assessor = realm + ":ASSESSOR";
            Object id = api.started(assessor, CUSTODY_RATING).get("id");
            body(api.patch(assessor, id, 0, Map.of("offence_gravity", "grave", "offence_violence", true)), 200);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("offence_violence", null);
            change.put("sentence_years", 8);
            Map<String, Object> saved = body(api.patch(assessor, id, 1, change), 200);

            assertThat(saved.get("answers")).isEqualTo(Map.of("offence_gravity", "grave", "sentence_years", 8));
            assertThat(saved.get("version")).isEqualTo(2);
            Map<?, ?> scoring = (Map<?, ?>) saved.get("scoring");
            assertThat((List<?>) scoring.get("items"))
                    .anySatisfy(item -> assertThat(item)
                            .isEqualTo(Map.of(
                                    "code", "offence_gravity", "applicable", true, "answered", true, "score", 25.0)));
            assertThat(list(scoring.get("missingRequired"))).contains("offence_violence");
        }

        @Test
        void twoEditsOfTheSameVersionAtOnceKeepTheWinnersAnswers() throws Exception {
            Object id = api.started("kz:ASSESSOR", CUSTODY_RATING).get("id");
            List<EntityExchangeResult<Map>> results = concurrently(List.of(
                    () -> api.patch("kz:ASSESSOR", id, 0, Map.of("offence_gravity", "minor"))
                            .expectBody(Map.class)
                            .returnResult(),
                    () -> api.patch("kz:SUPERVISOR", id, 0, Map.of("offence_gravity", "especially_grave"))
                            .expectBody(Map.class)
                            .returnResult()));

            List<Integer> statuses = results.stream()
                    .map(result -> result.getStatus().value())
                    .sorted()
                    .toList();
            assertThat(statuses).containsExactly(200, 409);
            Map<?, ?> winner = results.stream()
                    .filter(result -> result.getStatus().value() == 200)
                    .findFirst()
                    .orElseThrow()
                    .getResponseBody();
            Map<String, Object> stored = read("kz:ASSESSOR", id);
            assertThat(stored.get("answers")).isEqualTo(winner.get("answers"));
            assertThat(stored.get("version")).isEqualTo(1);

            // The loser reloads and applies its change on top: nothing was lost.
            body(api.patch("kz:SUPERVISOR", id, 1, Map.of("sentence_years", 4)), 200);
            assertThat(map(read("kz:ASSESSOR", id).get("answers")))
                    .containsEntry("offence_gravity", ((Map<?, ?>) winner.get("answers")).get("offence_gravity"))
                    .containsEntry("sentence_years", 4);
        }

        @Test
        void refusesAnswersThatDoNotFitTheInstrumentAndChangesNothing() {
            Object id = api.started("kz:ASSESSOR", CUSTODY_RATING).get("id");
            body(api.patch("kz:ASSESSOR", id, 0, Map.of("offence_gravity", "grave")), 200);
            Map<String, Object> bad = new LinkedHashMap<>();
            bad.put("no_such_item", true);
            bad.put("offence_violence", "yes");
            bad.put("sentence_years", "eight");
            bad.put("another_unknown", null);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("version", 1);
            request.put("answers", bad);
            request.put("judgement", judgement("EXTREME", "Not a level of this country"));
            api.patch("kz:ASSESSOR", id, request)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[?(@.field == 'answers.no_such_item')]")
                    .exists()
                    .jsonPath("$.errors[?(@.field == 'answers.offence_violence')]")
                    .exists()
                    .jsonPath("$.errors[?(@.field == 'answers.sentence_years')]")
                    .exists()
                    .jsonPath("$.errors[?(@.field == 'answers.another_unknown')]")
                    .exists()
                    .jsonPath("$.errors[?(@.field == 'judgement.level')]")
                    .exists();
            api.patch("kz:ASSESSOR", id, Map.of("answers", Map.of()))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("version");

            Map<String, Object> stored = read("kz:ASSESSOR", id);
            assertThat(stored.get("answers")).isEqualTo(Map.of("offence_gravity", "grave"));
            assertThat(stored.get("version")).isEqualTo(1);
        }

        /** A level a rater's judgement records, even on a draft, stays one of the country's levels. */
        @Test
        void theLevelOfAJudgementCannotBeRemovedFromTheCountrysLevels() {
            String levels = "/api/methodology/risk-levels";
            Map<String, Object> before = body(api.call("kz:ANALYST", HttpMethod.GET, levels, null, null), 200);
            String code =
                    "GRAVE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            List<Object> withGrave = new ArrayList<>(list(before.get("levels")));
            withGrave.add(
                    Map.of("code", code, "name", Map.of("en", "Grave", "kk", "Grave"), "commonLevel", "VERY_HIGH"));
            Object version = body(
                            api.call(
                                    "kz:COUNTRY_ADMIN",
                                    HttpMethod.PUT,
                                    levels,
                                    Map.of("version", before.get("version"), "levels", withGrave),
                                    null),
                            200)
                    .get("version");
            Object id = api.started("kz:ASSESSOR", VE_GUIDE).get("id");
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("version", 0);
            request.put("judgement", judgement(code, "Intent and capability are both at their worst."));
            body(api.patch("kz:ASSESSOR", id, request), 200);

            api.call(
                            "kz:COUNTRY_ADMIN",
                            HttpMethod.PUT,
                            levels,
                            Map.of("version", version, "levels", before.get("levels")),
                            null)
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].message")
                    .value(message -> assertThat((String) message)
                            .contains("[" + code + "]")
                            .contains("assessments record them"));
            assertThat(body(api.call("kz:ANALYST", HttpMethod.GET, levels, null, null), 200)
                            .get("version"))
                    .isEqualTo(version);
        }

        @Test
        void aFormulaRatedInstrumentTakesNoJudgement() {
            Object id = api.started("kg:ASSESSOR", NEEDS_INVENTORY).get("id");
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("version", 0);
            request.put("judgement", judgement("HIGH", "I think so"));
            api.patch("kg:ASSESSOR", id, request)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("judgement");
        }

        @Test
        void aStaleVersionIsAConflictAndChangesNothing() {
            Object id = api.started("kz:ASSESSOR", CUSTODY_RATING).get("id");
            body(api.patch("kz:ASSESSOR", id, 0, Map.of("offence_gravity", "grave")), 200);
            api.patch("kz:ASSESSOR", id, 0, Map.of("offence_gravity", "minor"))
                    .expectStatus()
                    .isEqualTo(409);
            assertThat(read("kz:ASSESSOR", id).get("answers")).isEqualTo(Map.of("offence_gravity", "grave"));
        }

        @Test
        void aSubmittedAssessmentCannotChange() {
            Map<String, Object> submitted = api.submitted("kz", CUSTODY_RATING, custodyRatingHigh(), null);
            api.patch("kz:ASSESSOR", submitted.get("id"), submitted.get("version"), Map.of("offence_gravity", "minor"))
                    .expectStatus()
                    .isEqualTo(409);
        }

        @Test
        void onlyCaseWorkersOfTheCountryAnswer() {
            Object id = api.started("kz:ASSESSOR", CUSTODY_RATING).get("id");
            Map<String, Object> change = Map.of("offence_gravity", "minor");
            api.patch(null, id, 0, change).expectStatus().isUnauthorized();
            for (String role : NOT_CASE_WORKERS) {
                api.patch(role, id, 0, change).expectStatus().isForbidden();
            }
            api.patch("kg:ASSESSOR", id, 0, change)
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.answers")
                    .doesNotExist();
            Map<String, Object> stored = read("kz:ASSESSOR", id);
            assertThat(stored.get("answers")).isEqualTo(Map.of());
            assertThat(stored.get("version")).isEqualTo(0);
        }
    }

    @Nested
    @DisplayName("POST /api/assessments/{id}/submission")
    class SubmitAssessment {

        @ParameterizedTest
        @ValueSource(strings = {"kz", "kg"})
        void storesTheServersScoringWhichIsTheDryRunsForTheSameAnswers(String realm) {
            Map<String, Object> answers = custodyRatingHigh();
            Map<String, Object> submitted = api.submitted(realm, CUSTODY_RATING, answers, null);

            assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
            assertThat(submitted.get("version")).isEqualTo(2);
            assertThat(submitted.get("overallLevel")).isEqualTo("HIGH");
            assertThat(submitted.get("submittedBy")).isEqualTo(submitted.get("startedBy"));
            assertThat(map(submitted.get("submittedBy"))).containsEntry("username", realm + ".assessor");
            assertThat(submitted.get("submittedAt")).isNotNull();
            Map<String, Object> dryRun = body(
                    api.call(
                            realm + ":ASSESSOR",
                            HttpMethod.POST,
                            "/api/methodology/instrument-versions/" + submitted.get("instrumentVersionId") + "/dry-run",
                            Map.of("answers", answers),
                            null),
                    200);
            assertThat(read(realm + ":SUPERVISOR", submitted.get("id")).get("scoring"))
                    .isEqualTo(dryRun);
            assertThat((List<?>) dryRun.get("scales"))
                    .anySatisfy(scale ->
                            assertThat(((Map<?, ?>) scale).get("score")).isEqualTo(135.0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"kz", "kg"})
        void storesTheRatersJudgementWithItsRationale(String realm) {
            Map<String, Object> submitted = api.submitted(
                    realm, VE_GUIDE, veGuideComplete(), judgement("VERY_HIGH", "Recent statements in custody."));
            Map<?, ?> overall = (Map<?, ?>) ((Map<?, ?>) submitted.get("scoring")).get("overall");
            assertThat(overall.get("level")).isEqualTo("VERY_HIGH");
            assertThat(overall.get("rationale")).isEqualTo("Recent statements in custody.");
            assertThat(overall.get("complete")).isEqualTo(true);
            assertThat(submitted.get("overallLevel")).isEqualTo("VERY_HIGH");
        }

        @Test
        void refusesMissingRequiredAnswersNamingEachAndChangesNothing() {
            Object id = api.started("kz:ASSESSOR", CUSTODY_RATING).get("id");
            Map<String, Object> answers = custodyRatingHigh();
            answers.remove("offence_gravity");
            answers.remove("age_now");
            body(api.patch("kz:ASSESSOR", id, 0, answers), 200);

            api.submit("kz:ASSESSOR", id, 1, newKey())
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[?(@.field == 'answers.offence_gravity')]")
                    .exists()
                    .jsonPath("$.errors[?(@.field == 'answers.age_now')]")
                    .exists();
            Map<String, Object> stored = read("kz:ASSESSOR", id);
            assertThat(stored.get("status")).isEqualTo("DRAFT");
            assertThat(stored.get("version")).isEqualTo(1);
        }

        @Test
        void refusesAJudgementRatingWithoutTheJudgementOrItsRationale() {
            // Kazakhstan's guide is rated by judgement alone.
            Object kz = api.started("kz:ASSESSOR", VE_GUIDE).get("id");
            body(api.patch("kz:ASSESSOR", kz, 0, veGuideComplete()), 200);
            api.submit("kz:ASSESSOR", kz, 1, newKey())
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("judgement.level");
            body(api.patch("kz:ASSESSOR", kz, Map.of("version", 1, "judgement", judgement("HIGH", " "))), 200);
            api.submit("kz:ASSESSOR", kz, 2, newKey())
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("judgement.rationale");

            // Kyrgyzstan's formula proposes HIGH: judging otherwise needs a rationale, agreeing does not.
            Object kg = api.started("kg:ASSESSOR", VE_GUIDE).get("id");
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("version", 0);
            request.put("answers", veGuideComplete());
            request.put("judgement", judgement("MODERATE", null));
            body(api.patch("kg:ASSESSOR", kg, request), 200);
            api.submit("kg:ASSESSOR", kg, 1, newKey())
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("judgement.rationale");
            body(api.patch("kg:ASSESSOR", kg, Map.of("version", 1, "judgement", Map.of())), 200);
            assertThat(body(api.submit("kg:ASSESSOR", kg, 2, newKey()), 200).get("overallLevel"))
                    .isEqualTo("HIGH");
        }

        @Test
        void theSameKeyAndRequestGetTheFirstResponseWithoutSubmittingTwice() {
            Object id = api.started("kz:ASSESSOR", CUSTODY_RATING).get("id");
            body(api.patch("kz:ASSESSOR", id, 0, custodyRatingHigh()), 200);
            String key = newKey();

            EntityExchangeResult<Map> first = api.submit("kz:ASSESSOR", id, 1, key)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("Idempotent-Replayed", "false")
                    .expectBody(Map.class)
                    .returnResult();
            EntityExchangeResult<Map> again = api.submit("kz:ASSESSOR", id, 1, key)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("Idempotent-Replayed", "true")
                    .expectBody(Map.class)
                    .returnResult();

            assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
            assertThat(read("kz:ASSESSOR", id).get("version")).isEqualTo(2);
            assertThat(auditActions("kz", id))
                    .containsOnlyOnce("ASSESSMENT_SUBMITTED")
                    .contains("ASSESSMENT_SUBMISSION_REPLAYED");
        }

        @Test
        void concurrentDuplicatesSubmitOnceAndAllGetTheFirstResponse() throws Exception {
            Object id = api.started("kg:ASSESSOR", CUSTODY_RATING).get("id");
            body(api.patch("kg:ASSESSOR", id, 0, custodyRatingHigh()), 200);
            String key = newKey();
            List<Callable<EntityExchangeResult<Map>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> api.submit("kg:ASSESSOR", id, 1, key)
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult());
            }
            List<EntityExchangeResult<Map>> results = concurrently(calls);

            assertThat(results)
                    .extracting(result -> result.getResponseHeaders().getFirst("Idempotent-Replayed"))
                    .containsOnlyOnce("false");
            assertThat(results)
                    .extracting(EntityExchangeResult::getResponseBody)
                    .containsOnly(results.get(0).getResponseBody());
            assertThat(read("kg:ASSESSOR", id).get("version")).isEqualTo(2);
            assertThat(auditActions("kg", id)).containsOnlyOnce("ASSESSMENT_SUBMITTED");
        }

        @Test
        void theSameKeyForAnotherRequestIsRefused() {
            Map<String, Object> first = api.started("kz:ASSESSOR", CUSTODY_RATING);
            Map<String, Object> second = api.started("kz:ASSESSOR", CUSTODY_RATING);
            for (Map<String, Object> started : List.of(first, second)) {
                body(api.patch("kz:ASSESSOR", started.get("id"), 0, custodyRatingHigh()), 200);
            }
            String key = newKey();
            body(api.submit("kz:ASSESSOR", first.get("id"), 1, key), 200);

            api.submit("kz:ASSESSOR", second.get("id"), 1, key)
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("Idempotency-Key");
            api.submit("kz:ASSESSOR", first.get("id"), 0, key).expectStatus().isEqualTo(422);
            assertThat(read("kz:ASSESSOR", second.get("id")).get("status")).isEqualTo("DRAFT");
        }

        @Test
        void requiresAWellFormedKeyAndTheCurrentVersion() {
            Object id = api.started("kz:ASSESSOR", CUSTODY_RATING).get("id");
            body(api.patch("kz:ASSESSOR", id, 0, custodyRatingHigh()), 200);
            for (String key : new String[] {null, "short", "has spaces in it", "x".repeat(129)}) {
                api.submit("kz:ASSESSOR", id, 1, key)
                        .expectStatus()
                        .isBadRequest()
                        .expectBody()
                        .jsonPath("$.errors[0].field")
                        .isEqualTo("Idempotency-Key");
            }
            api.submit("kz:ASSESSOR", id, 0, newKey()).expectStatus().isEqualTo(409);
            assertThat(read("kz:ASSESSOR", id).get("status")).isEqualTo("DRAFT");
        }

        @Test
        void onlyCaseWorkersOfTheCountrySubmit() {
            Object id = api.started("kz:ASSESSOR", CUSTODY_RATING).get("id");
            body(api.patch("kz:ASSESSOR", id, 0, custodyRatingHigh()), 200);
            api.submit(null, id, 1, newKey()).expectStatus().isUnauthorized();
            for (String role : NOT_CASE_WORKERS) {
                api.submit(role, id, 1, newKey()).expectStatus().isForbidden();
            }
            api.submit("kg:ASSESSOR", id, 1, newKey())
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.scoring")
                    .doesNotExist();
            assertThat(read("kz:ASSESSOR", id).get("status")).isEqualTo("DRAFT");
        }
    }

    @Nested
    @DisplayName("POST /api/assessments/{id}/approval")
    class ApproveAssessment {

        @ParameterizedTest
        @ValueSource(strings = {"kz", "kg"})
        void aSupervisorApprovesAnAssessorsSubmission(String realm) {
            Map<String, Object> submitted = api.submitted(realm, CUSTODY_RATING, custodyRatingHigh(), null);
            Map<String, Object> approved = body(
                    api.call(
                            realm + ":SUPERVISOR",
                            HttpMethod.POST,
                            "/api/assessments/" + submitted.get("id") + "/approval",
                            Map.of("version", 2, "comment", "Agreed."),
                            null),
                    200);

            assertThat(approved.get("status")).isEqualTo("APPROVED");
            assertThat(approved.get("version")).isEqualTo(3);
            assertThat(map(approved.get("decidedBy"))).containsEntry("username", realm + ".supervisor");
            assertThat(approved.get("decidedAt")).isNotNull();
            assertThat(approved.get("decisionComment")).isEqualTo("Agreed.");
            assertThat(approved.get("scoring")).isEqualTo(submitted.get("scoring"));
            assertThat(approved.get("overallLevel")).isEqualTo("HIGH");
            api.approve(realm + ":SUPERVISOR", submitted.get("id"), 3)
                    .expectStatus()
                    .isEqualTo(409);
            api.patch(realm + ":ASSESSOR", submitted.get("id"), 3, Map.of("offence_gravity", "minor"))
                    .expectStatus()
                    .isEqualTo(409);
        }

        @Test
        void aSupervisorCannotDecideWhatTheyStartedOrSubmitted() {
            Map<String, Object> own = api.started("kz:SUPERVISOR", CUSTODY_RATING);
            body(api.patch("kz:SUPERVISOR", own.get("id"), 0, custodyRatingHigh()), 200);
            body(api.submit("kz:SUPERVISOR", own.get("id"), 1, newKey()), 200);
            Map<String, Object> startedOnly = api.started("kz:SUPERVISOR", CUSTODY_RATING);
            body(api.patch("kz:ASSESSOR", startedOnly.get("id"), 0, custodyRatingHigh()), 200);
            body(api.submit("kz:ASSESSOR", startedOnly.get("id"), 1, newKey()), 200);

            api.approve("kz:SUPERVISOR", own.get("id"), 2)
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("You submitted this assessment"));
            api.sendBack("kz:SUPERVISOR", own.get("id"), 2, "Looks fine to me")
                    .expectStatus()
                    .isForbidden();
            api.approve("kz:SUPERVISOR", startedOnly.get("id"), 2)
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("You started this assessment"));
            for (Map<String, Object> refused : List.of(own, startedOnly)) {
                Map<String, Object> stored = read("kz:SUPERVISOR", refused.get("id"));
                assertThat(stored.get("status")).isEqualTo("SUBMITTED");
                assertThat(stored.get("decidedBy")).isNull();
            }
        }

        @Test
        void onlyASubmittedAssessmentInTheCurrentVersionIsDecided() {
            Map<String, Object> draft = api.started("kz:ASSESSOR", CUSTODY_RATING);
            api.approve("kz:SUPERVISOR", draft.get("id"), 0).expectStatus().isEqualTo(409);
            Map<String, Object> submitted = api.submitted("kz", CUSTODY_RATING, custodyRatingHigh(), null);
            api.approve("kz:SUPERVISOR", submitted.get("id"), 1).expectStatus().isEqualTo(409);
            assertThat(read("kz:SUPERVISOR", submitted.get("id")).get("status")).isEqualTo("SUBMITTED");
        }

        @Test
        void onlySupervisorsOfTheCountryApprove() {
            Map<String, Object> submitted = api.submitted("kz", CUSTODY_RATING, custodyRatingHigh(), null);
            api.approve(null, submitted.get("id"), 2).expectStatus().isUnauthorized();
            for (String role : NOT_SUPERVISORS) {
                api.approve(role, submitted.get("id"), 2).expectStatus().isForbidden();
            }
            api.approve("kg:SUPERVISOR", submitted.get("id"), 2)
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(404);
            assertThat(read("kz:SUPERVISOR", submitted.get("id")).get("status")).isEqualTo("SUBMITTED");
        }
    }

    @Nested
    @DisplayName("POST /api/assessments/{id}/return")
    class ReturnAssessment {

        @ParameterizedTest
        @ValueSource(strings = {"kz", "kg"})
        void aReturnedAssessmentIsEditedResubmittedAndApproved(String realm) {
            String assessor = realm + ":ASSESSOR";
            String supervisor = realm + ":SUPERVISOR";
            Map<String, Object> submitted = api.submitted(realm, CUSTODY_RATING, custodyRatingHigh(), null);
            Object id = submitted.get("id");

            Map<String, Object> returned = body(api.sendBack(supervisor, id, 2, "Check the escape history."), 200);
            assertThat(returned.get("status")).isEqualTo("RETURNED");
            assertThat(returned.get("decisionComment")).isEqualTo("Check the escape history.");
            assertThat(returned.get("overallLevel")).isNull();
            assertThat(((Map<?, ?>) returned.get("scoring")).get("overall")).isNotNull();

            Map<String, Object> edited =
                    body(api.patch(assessor, id, 3, Map.of("escape_history", "recent_secure")), 200);
            assertThat(edited.get("status")).isEqualTo("RETURNED");
            Map<String, Object> resubmitted = body(api.submit(assessor, id, 4, newKey()), 200);
            assertThat(resubmitted.get("status")).isEqualTo("SUBMITTED");
            assertThat(resubmitted.get("decisionComment")).isNull();
            // Security risk 81 + 30 = 111, total 111 + 1.5 × 36 = 165: still HIGH, with the new answer scored.
            assertThat((List<?>) ((Map<?, ?>) resubmitted.get("scoring")).get("scales"))
                    .anySatisfy(scale -> assertThat(scale)
                            .isEqualTo(Map.of(
                                    "code",
                                    "security_risk",
                                    "score",
                                    111.0,
                                    "scorable",
                                    true,
                                    "missingItems",
                                    List.of(),
                                    "prorated",
                                    false,
                                    "level",
                                    "HIGH")));

            assertThat(body(api.approve(supervisor, id, 5), 200).get("status")).isEqualTo("APPROVED");
        }

        @Test
        void aReturnNeedsAComment() {
            Map<String, Object> submitted = api.submitted("kz", CUSTODY_RATING, custodyRatingHigh(), null);
            for (String comment : new String[] {null, "  "}) {
                api.sendBack("kz:SUPERVISOR", submitted.get("id"), 2, comment)
                        .expectStatus()
                        .isBadRequest()
                        .expectBody()
                        .jsonPath("$.errors[0].field")
                        .isEqualTo("comment");
            }
            assertThat(read("kz:SUPERVISOR", submitted.get("id")).get("status")).isEqualTo("SUBMITTED");
        }

        @Test
        void onlySupervisorsOfTheCountryReturn() {
            Map<String, Object> submitted = api.submitted("kz", CUSTODY_RATING, custodyRatingHigh(), null);
            api.sendBack(null, submitted.get("id"), 2, "No").expectStatus().isUnauthorized();
            for (String role : NOT_SUPERVISORS) {
                api.sendBack(role, submitted.get("id"), 2, "No").expectStatus().isForbidden();
            }
            api.sendBack("kg:SUPERVISOR", submitted.get("id"), 2, "No")
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.answers")
                    .doesNotExist();
            assertThat(read("kz:SUPERVISOR", submitted.get("id")).get("status")).isEqualTo("SUBMITTED");
        }
    }

    @Nested
    @DisplayName("GET /api/prisoners/{prisonerId}/assessments")
    class ListPrisonerAssessments {

        private WebTestClient.ResponseSpec list(String as, Object prisoner) {
            return api.call(as, HttpMethod.GET, "/api/prisoners/" + prisoner + "/assessments", null, null);
        }

        @ParameterizedTest
        @ValueSource(strings = {"kz", "kg"})
        void listsThePrisonersAssessmentsNewestFirstAndAuditsTheRead(String realm) {
            UUID prisoner = api.newPrisoner(realm);
            Object first = body(
                            api.start(realm + ":ASSESSOR", prisoner, api.publishedVersion(realm, CUSTODY_RATING)), 201)
                    .get("id");
            Object second = body(api.start(realm + ":ASSESSOR", prisoner, api.publishedVersion(realm, VE_GUIDE)), 201)
                    .get("id");

            list(realm + ":SUPERVISOR", prisoner)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(2)
                    .jsonPath("$[0].id")
                    .isEqualTo(second)
                    .jsonPath("$[0].instrumentCode")
                    .isEqualTo(VE_GUIDE)
                    .jsonPath("$[1].id")
                    .isEqualTo(first)
                    .jsonPath("$[1].status")
                    .isEqualTo("DRAFT")
                    .jsonPath("$[0].answers")
                    .doesNotExist();
            assertThat(auditActions(realm, prisoner)).endsWith("ASSESSMENTS_LISTED");
        }

        @Test
        void onlyCaseWorkersOfTheCountryListThem() {
            Map<String, Object> started = api.started("kz:ASSESSOR", CUSTODY_RATING);
            Object prisoner = started.get("prisonerId");
            list(null, prisoner).expectStatus().isUnauthorized();
            for (String role : NOT_CASE_WORKERS) {
                list(role, prisoner).expectStatus().isForbidden();
            }
            list("kg:ASSESSOR", prisoner)
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$[0]")
                    .doesNotExist();
        }
    }

    /** The newest ASSESSMENT_INBOX_VIEWED entry of the realm's trail, as its auditor lists it (empty if none). */
    private List<?> latestInboxReadEntry(String realm) {
        return (List<?>) body(
                        api.call(
                                realm + ":AUDITOR",
                                HttpMethod.GET,
                                "/api/audit/entries?limit=1&action=ASSESSMENT_INBOX_VIEWED",
                                null,
                                null),
                        200)
                .get("entries");
    }

    /** No token: 401; every role but SUPERVISOR, of either realm kind: 403. */
    private void assertOnlySupervisorsRead(String uri) {
        api.call(null, HttpMethod.GET, uri, null, null).expectStatus().isUnauthorized();
        for (String role : NOT_SUPERVISORS) {
            api.call(role, HttpMethod.GET, uri, null, null).expectStatus().isForbidden();
        }
    }

    @Nested
    @DisplayName("GET /api/assessments/inbox")
    class Inbox {

        private List<Map<?, ?>> wholeInbox(String as) {
            List<Map<?, ?>> entries = new ArrayList<>();
            for (int page = 0; ; page++) {
                Map<String, Object> found = body(
                        api.call(as, HttpMethod.GET, "/api/assessments/inbox?size=100&page=" + page, null, null), 200);
                ((List<?>) found.get("items")).forEach(entry -> entries.add((Map<?, ?>) entry));
                if ((long) (page + 1) * 100 >= ((Number) found.get("total")).longValue()) {
                    return entries;
                }
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"kz", "kg"})
        void showsSubmittedAssessmentsOldestFirstAndTheSupervisorsOwnAsNotDecidable(String realm) {
            Object byAssessor = api.submitted(realm, CUSTODY_RATING, custodyRatingHigh(), null)
                    .get("id");
            Map<String, Object> own = api.started(realm + ":SUPERVISOR", CUSTODY_RATING);
            body(api.patch(realm + ":SUPERVISOR", own.get("id"), 0, custodyRatingHigh()), 200);
            body(api.submit(realm + ":SUPERVISOR", own.get("id"), 1, newKey()), 200);
            Object draft = api.started(realm + ":ASSESSOR", CUSTODY_RATING).get("id");

            List<Map<?, ?>> inbox = wholeInbox(realm + ":SUPERVISOR");
            List<Object> ids =
                    inbox.stream().map(entry -> (Object) entry.get("id")).toList();
            assertThat(ids).doesNotContain(draft);
            assertThat(ids.indexOf(byAssessor)).isNotNegative().isLessThan(ids.indexOf(own.get("id")));
            Map<?, ?> theirs = inbox.get(ids.indexOf(byAssessor));
            assertThat(theirs.get("mayDecide")).isEqualTo(true);
            assertThat(theirs.get("whyNot")).isNull();
            assertThat(theirs.get("prisonerNumber")).isNotNull();
            assertThat(theirs.get("overallLevel")).isEqualTo("HIGH");
            Map<?, ?> mine = inbox.get(ids.indexOf(own.get("id")));
            assertThat(mine.get("mayDecide")).isEqualTo(false);
            assertThat((String) mine.get("whyNot")).contains("You submitted this assessment");
            Map<?, ?> entry = (Map<?, ?>) latestInboxReadEntry(realm).get(0);
            assertThat(list(((Map<?, ?>) entry.get("after")).get("shown"))).contains(byAssessor, own.get("id"));
        }

        @Test
        void onlySupervisorsSeeTheirCountrysInbox() {
            Object kzSubmitted = api.submitted("kz", CUSTODY_RATING, custodyRatingHigh(), null)
                    .get("id");
            assertOnlySupervisorsRead("/api/assessments/inbox");
            assertThat(wholeInbox("kg:SUPERVISOR"))
                    .extracting(entry -> (Object) entry.get("id"))
                    .doesNotContain(kzSubmitted);
            api.call("kz:SUPERVISOR", HttpMethod.GET, "/api/assessments/inbox?size=500", null, null)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("size");
        }
    }

    @Nested
    @DisplayName("GET /api/assessments/inbox/count")
    class InboxCount {

        private long waiting(String as) {
            return ((Number) body(api.call(as, HttpMethod.GET, "/api/assessments/inbox/count", null, null), 200)
                            .get("total"))
                    .longValue();
        }

        @Test
        void countsWhatWaitsInTheCallersCountryAsTheInboxDoesWithoutAnAuditEntry() {
            long kzBefore = waiting("kz:SUPERVISOR");
            long kgBefore = waiting("kg:SUPERVISOR");
            api.submitted("kz", CUSTODY_RATING, custodyRatingHigh(), null);
            api.started("kz:ASSESSOR", CUSTODY_RATING);

            List<?> inboxReads = latestInboxReadEntry("kz");
            assertThat(waiting("kz:SUPERVISOR")).isEqualTo(kzBefore + 1);
            assertThat(waiting("kg:SUPERVISOR")).isEqualTo(kgBefore);
            assertThat(latestInboxReadEntry("kz")).isEqualTo(inboxReads);
            Map<String, Object> inbox =
                    body(api.call("kz:SUPERVISOR", HttpMethod.GET, "/api/assessments/inbox?size=1", null, null), 200);
            assertThat(((Number) inbox.get("total")).longValue()).isEqualTo(kzBefore + 1);
        }

        @Test
        void isForSupervisorsOnly() {
            assertOnlySupervisorsRead("/api/assessments/inbox/count");
        }
    }

    @Nested
    @DisplayName("Audit trail")
    class Audit {

        @ParameterizedTest
        @ValueSource(strings = {"kz", "kg"})
        void everyStepIsAnEntryAndTheChainStillVerifies(String realm) {
            Map<String, Object> submitted = api.submitted(realm, CUSTODY_RATING, custodyRatingHigh(), null);
            Object id = submitted.get("id");
            body(api.sendBack(realm + ":SUPERVISOR", id, 2, "Recheck the custody incidents."), 200);
            body(api.patch(realm + ":ASSESSOR", id, 3, Map.of("violence_in_custody_count", 3)), 200);
            body(api.submit(realm + ":ASSESSOR", id, 4, newKey()), 200);
            read(realm + ":ASSESSOR", id);
            body(api.approve(realm + ":SUPERVISOR", id, 5), 200);

            assertThat(auditActions(realm, id))
                    .containsExactly(
                            "ASSESSMENT_STARTED",
                            "ASSESSMENT_ANSWERED",
                            "ASSESSMENT_SUBMITTED",
                            "ASSESSMENT_RETURNED",
                            "ASSESSMENT_ANSWERED",
                            "ASSESSMENT_SUBMITTED",
                            "ASSESSMENT_VIEWED",
                            "ASSESSMENT_APPROVED");
            Map<String, Object> page = body(
                    api.call(
                            realm + ":AUDITOR",
                            HttpMethod.GET,
                            "/api/audit/entries?action=ASSESSMENT_ANSWERED&entityId=" + id,
                            null,
                            null),
                    200);
            Map<?, ?> lastAnswer = (Map<?, ?>) ((List<?>) page.get("entries")).get(0);
            assertThat(((Map<?, ?>) lastAnswer.get("before")).get("answers"))
                    .isEqualTo(Map.of("violence_in_custody_count", 2));
            assertThat(((Map<?, ?>) lastAnswer.get("after")).get("answers"))
                    .isEqualTo(Map.of("violence_in_custody_count", 3));

            api.call(realm + ":AUDITOR", HttpMethod.POST, "/api/audit/verification", null, null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.intact")
                    .isEqualTo(true);
        }
    }

    /** Instrument versions a test makes for itself, as the country administrator. */
    private record InstrumentVersions(AssessmentApi api, String realm) {

        private String admin() {
            return realm + ":COUNTRY_ADMIN";
        }

        /** A new instrument whose first version, published, is a copy of the seeded one's definition. */
        UUID publishedCopyOf(String instrumentCode) {
            Map<String, Object> exported = body(
                    api.call(
                            admin(),
                            HttpMethod.GET,
                            "/api/methodology/instrument-versions/" + api.publishedVersion(realm, instrumentCode)
                                    + "/export",
                            null,
                            null),
                    200);
            Map<String, Object> instrument = body(
                    api.call(
                            admin(),
                            HttpMethod.POST,
                            "/api/methodology/instruments",
                            Map.of(
                                    "code",
                                    "copy_" + UUID.randomUUID().toString().substring(0, 8),
                                    "kind",
                                    "SPJ",
                                    "name",
                                    Map.of("en", "Copy")),
                            null),
                    201);
            Object draft = body(
                            api.call(
                                    admin(),
                                    HttpMethod.POST,
                                    "/api/methodology/instruments/" + instrument.get("id") + "/versions",
                                    Map.of("definition", exported.get("definition")),
                                    null),
                            201)
                    .get("id");
            body(
                    api.call(
                            admin(),
                            HttpMethod.POST,
                            "/api/methodology/instrument-versions/" + draft + "/publish",
                            Map.of("version", 0),
                            null),
                    200);
            return UUID.fromString((String) draft);
        }

        UUID draftAfter(UUID published) {
            Map<String, Object> version = body(
                    api.call(admin(), HttpMethod.GET, "/api/methodology/instrument-versions/" + published, null, null),
                    200);
            return UUID.fromString((String) body(
                            api.call(
                                    admin(),
                                    HttpMethod.POST,
                                    "/api/methodology/instruments/" + version.get("instrumentId") + "/versions",
                                    Map.of("copyFrom", published.toString()),
                                    null),
                            201)
                    .get("id"));
        }

        void retire(UUID published) {
            Map<String, Object> version = body(
                    api.call(admin(), HttpMethod.GET, "/api/methodology/instrument-versions/" + published, null, null),
                    200);
            body(
                    api.call(
                            admin(),
                            HttpMethod.POST,
                            "/api/methodology/instrument-versions/" + published + "/retire",
                            Map.of("version", version.get("version")),
                            null),
                    200);
        }
    }
}
