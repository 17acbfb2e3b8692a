package org.custodia.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.assessment.AssessmentApi;
import org.custodia.testsupport.CycleApi;
import org.custodia.testsupport.CycleShortcuts;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Referrals with Kyrgyzstan's seeded programme catalogue (tests that replace it put it back), from the seeded needs
 * inventory answered as {@code assessment/needs-inventory-two-needs.json}: needs {@code education} and {@code peers}.
 * Three programmes address them: {@code basic_education} (education, open to all), {@code vocational_training}
 * (employment or education, eligible with {@code sentence.remainingMonths >= 6}) and {@code disengagement} (attitudes
 * or peers, eligible with {@code 'VEO' in flags && sentence.remainingMonths >= 3}).
 */
class ReferralIT extends IntegrationTestBase {

    private static final List<String> NOT_CASE_WORKERS = List.of(
            "kg:ANALYST",
            "kg:AUDITOR",
            "kg:COUNTRY_ADMIN",
            "platform:PLATFORM_ADMIN",
            "platform:PROGRAMME_COORDINATOR");

    /** The facility of this test's prisoners, made on first use: the due list by facility then shows only them. */
    private UUID facility;

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Bishkek"));
    }

    /**
     * A Kyrgyz prisoner released on {@code expectedRelease}, with {@code flags}, whose needs inventory (education and
     * peers needs) was approved.
     */
    private UUID assessedPrisoner(LocalDate expectedRelease, String... flags) {
        if (facility == null) {
            facility = new CycleApi(client, tokens).newFacility("kg");
        }
        Map<String, Object> form = CycleApi.sentencedMan("kg");
        form.put("facilityId", facility.toString());
        form.put("flags", List.of(flags));
        @SuppressWarnings("unchecked")
        Map<String, Object> sentence = (Map<String, Object>) form.get("sentence");
        sentence.put("expectedRelease", expectedRelease.toString());
        UUID prisoner = UUID.fromString(
                (String) new CycleApi(client, tokens).register("kg", form).get("id"));
        new AssessmentApi(client, tokens)
                .approved("kg", prisoner, AssessmentApi.NEEDS_INVENTORY, AssessmentApi.needsInventoryTwoNeeds());
        return prisoner;
    }

    private WebTestClient.ResponseSpec propose(String realmAndRole, UUID prisoner) {
        return requestAs(realmAndRole, HttpMethod.POST, "/api/prisoners/{id}/referrals/proposals", prisoner)
                .exchange();
    }

    private List<Map<String, Object>> proposed(UUID prisoner) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> outcomes = propose("kg:ASSESSOR", prisoner)
                .expectStatus()
                .isOk()
                .expectBody(List.class)
                .returnResult()
                .getResponseBody();
        return outcomes;
    }

    private static Map<String, Object> outcomeOf(List<Map<String, Object>> outcomes, String programme) {
        return outcomes.stream()
                .filter(o -> o.get("programmeCode").equals(programme))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + programme + " in " + outcomes));
    }

    @SuppressWarnings("unchecked")
    private static UUID referralOf(List<Map<String, Object>> outcomes, String programme) {
        return UUID.fromString(
                (String) ((Map<String, Object>) outcomeOf(outcomes, programme).get("referral")).get("id"));
    }

    private WebTestClient.ResponseSpec move(String realmAndRole, UUID referral, Map<String, Object> change) {
        return requestAs(realmAndRole, HttpMethod.POST, "/api/referrals/{id}/status", referral)
                .bodyValue(change)
                .exchange();
    }

    private static Map<String, Object> step(String status, long version) {
        Map<String, Object> change = new HashMap<>();
        change.put("status", status);
        change.put("version", version);
        return change;
    }

    private WebTestClient.BodyContentSpec referrals(UUID prisoner) {
        return getAs("kg:SUPERVISOR", "/api/prisoners/{id}/referrals", prisoner)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    @Nested
    @DisplayName("POST /api/prisoners/{id}/referrals/proposals")
    class Propose {

        @Test
        void proposesProgrammesWhoseNeedsMatchAndWhoseEligibilityHolds() {
            UUID longSentence = assessedPrisoner(today().plusYears(3), "VEO");
            List<Map<String, Object>> outcomes = proposed(longSentence);

            // No programme of the catalogue addresses substance use, mental health or family: none is considered.
            assertThat(outcomes)
                    .extracting(o -> o.get("programmeCode"))
                    .containsExactly("basic_education", "vocational_training", "disengagement");
            assertThat(outcomes).extracting(o -> o.get("outcome")).containsOnly("PROPOSED");
            assertThat(outcomeOf(outcomes, "vocational_training")).containsEntry("need", "education");
            assertThat(outcomeOf(outcomes, "disengagement")).containsEntry("need", "peers");
            referrals(longSentence)
                    .jsonPath("$.length()")
                    .isEqualTo(3)
                    .jsonPath("$[0].status")
                    .isEqualTo("PROPOSED")
                    .jsonPath("$[0].prisonerId")
                    .isEqualTo(longSentence.toString())
                    .jsonPath("$[0].updatedByName")
                    .isEqualTo("kg.assessor");
        }

        @Test
        void leavesOutProgrammesWhoseEligibilityDoesNotHold() {
            UUID releasedSoon = assessedPrisoner(today().plusMonths(4));
            List<Map<String, Object>> outcomes = proposed(releasedSoon);

            assertThat(outcomeOf(outcomes, "basic_education")).containsEntry("outcome", "PROPOSED");
            assertThat(outcomeOf(outcomes, "vocational_training"))
                    .containsEntry("outcome", "NOT_ELIGIBLE")
                    .containsEntry("referral", null);
            assertThat(outcomeOf(outcomes, "disengagement")).containsEntry("outcome", "NOT_ELIGIBLE");
            referrals(releasedSoon)
                    .jsonPath("$.length()")
                    .isEqualTo(1)
                    .jsonPath("$[0].programmeCode")
                    .isEqualTo("basic_education");
        }

        @Test
        void proposingAgainDuplicatesNothing() {
            UUID prisoner = assessedPrisoner(today().plusYears(3));
            List<Map<String, Object>> first = proposed(prisoner);
            List<Map<String, Object>> second = proposed(prisoner);

            assertThat(outcomeOf(second, "basic_education")).containsEntry("outcome", "ALREADY_OPEN");
            assertThat(outcomeOf(second, "vocational_training")).containsEntry("outcome", "ALREADY_OPEN");
            assertThat(referralOf(second, "basic_education")).isEqualTo(referralOf(first, "basic_education"));
            referrals(prisoner).jsonPath("$.length()").isEqualTo(2);
        }

        @Test
        void proposesNothingWithoutAnApprovedAssessment() {
            UUID prisoner = new CycleApi(client, tokens).registerSentencedMan("kg");
            assertThat(proposed(prisoner)).isEmpty();
        }

        @Test
        void rejectsMissingToken() {
            client.post()
                    .uri("/api/prisoners/{id}/referrals/proposals", UUID.randomUUID())
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsWrongRoles() {
            UUID prisoner = assessedPrisoner(today().plusYears(3));
            for (String role : NOT_CASE_WORKERS) {
                propose(role, prisoner).expectStatus().isForbidden();
            }
            referrals(prisoner).jsonPath("$.length()").isEqualTo(0);
        }

        @Test
        void hidesAnotherCountrysPrisonerAndProposesNothing() {
            UUID prisoner = assessedPrisoner(today().plusYears(3));
            propose("kz:ASSESSOR", prisoner)
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$[0]")
                    .doesNotExist();
            referrals(prisoner).jsonPath("$.length()").isEqualTo(0);
        }
    }

    @Nested
    @DisplayName("GET /api/prisoners/{id}/referrals")
    class ListReferrals {

        @Test
        void auditsTheRead() {
            UUID prisoner = assessedPrisoner(today().plusYears(3));
            proposed(prisoner);
            referrals(prisoner);
            getAs("kg:AUDITOR", "/api/audit/entries?entityId={id}&limit=2", prisoner)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.entries[0].action")
                    .isEqualTo("REFERRALS_VIEWED")
                    .jsonPath("$.entries[0].actorName")
                    .isEqualTo("kg.supervisor")
                    .jsonPath("$.entries[1].action")
                    .isEqualTo("REFERRALS_PROPOSED")
                    .jsonPath("$.entries[1].after.outcomes.length()")
                    .isEqualTo(3);
        }

        @Test
        void rejectsMissingToken() {
            client.get()
                    .uri("/api/prisoners/{id}/referrals", UUID.randomUUID())
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsWrongRoles() {
            UUID prisoner = assessedPrisoner(today().plusYears(3));
            for (String role : NOT_CASE_WORKERS) {
                getAs(role, "/api/prisoners/{id}/referrals", prisoner)
                        .exchange()
                        .expectStatus()
                        .isForbidden();
            }
        }

        @Test
        void hidesAnotherCountrysPrisoner() {
            UUID prisoner = assessedPrisoner(today().plusYears(3));
            proposed(prisoner);
            getAs("kz:SUPERVISOR", "/api/prisoners/{id}/referrals", prisoner)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$[0]")
                    .doesNotExist();
        }
    }

    @Nested
    @DisplayName("POST /api/referrals/{id}/status")
    class ChangeStatus {

        @Test
        void walksAReferralToCompletionWhichMakesThePrisonerDue() {
            UUID prisoner = assessedPrisoner(today().plusYears(3));
            CycleShortcuts.setNextReview(DemoTenants.KG, prisoner, today().plusMonths(10));
            UUID referral = referralOf(proposed(prisoner), "basic_education");

            move("kg:SUPERVISOR", referral, step("REFERRED", 0))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("REFERRED")
                    .jsonPath("$.version")
                    .isEqualTo(1)
                    .jsonPath("$.updatedByName")
                    .isEqualTo("kg.supervisor")
                    .jsonPath("$.updatedBy")
                    .value(subject -> assertThat((String) subject).matches("[0-9a-f-]{36}"));
            move("kg:ASSESSOR", referral, step("STARTED", 0)).expectStatus().isEqualTo(409);
            move("kg:ASSESSOR", referral, step("COMPLETED", 1)).expectStatus().isEqualTo(409);
            move("kg:ASSESSOR", referral, step("STARTED", 1)).expectStatus().isOk();
            Map<String, Object> earlyTrigger = step("DROPPED", 2);
            earlyTrigger.put("triggerReview", true);
            move("kg:ASSESSOR", referral, earlyTrigger)
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("triggerReview");

            Map<String, Object> completed = step("COMPLETED", 2);
            completed.put("triggerReview", true);
            move("kg:ASSESSOR", referral, completed)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("COMPLETED")
                    .jsonPath("$.version")
                    .isEqualTo(3);
            move("kg:ASSESSOR", referral, step("DROPPED", 3)).expectStatus().isEqualTo(409);

            getAs("kg:SUPERVISOR", "/api/reviews/due?facilityId={f}", facility)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.items[0].prisonerId")
                    .isEqualTo(prisoner.toString())
                    .jsonPath("$.items[0].status")
                    .isEqualTo("DUE")
                    .jsonPath("$.items[0].nextReviewOn")
                    .isEqualTo(today().toString());
            getAs("kg:SUPERVISOR", "/api/prisoners/{id}/review-triggers", prisoner)
                    .exchange()
                    .expectBody()
                    .jsonPath("$[0].kind")
                    .isEqualTo("PROGRAMME_COMPLETION");
            getAs("kg:AUDITOR", "/api/audit/entries?entityId={id}", referral)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.entries[*].action")
                    .isEqualTo(List.of(
                            "REFERRAL_COMPLETED", "REFERRAL_STARTED", "REFERRAL_REFERRED", "REFERRAL_PROPOSED"));
        }

        @Test
        void completionWithoutTheFlagLeavesTheReviewDateAlone() {
            UUID prisoner = assessedPrisoner(today().plusYears(3));
            CycleShortcuts.setNextReview(DemoTenants.KG, prisoner, today().plusMonths(10));
            UUID referral = referralOf(proposed(prisoner), "basic_education");
            move("kg:ASSESSOR", referral, step("REFERRED", 0)).expectStatus().isOk();
            move("kg:ASSESSOR", referral, step("STARTED", 1)).expectStatus().isOk();
            move("kg:ASSESSOR", referral, step("COMPLETED", 2)).expectStatus().isOk();
            assertThat(CycleShortcuts.value(
                                    DemoTenants.KG, "select next_review_on from prisoner where id = ?", prisoner)
                            .toString())
                    .isEqualTo(today().plusMonths(10).toString());
        }

        @Test
        void declineNeedsAReasonAndIsNotProposedAgainFromTheSameAssessment() {
            UUID prisoner = assessedPrisoner(today().plusYears(3));
            UUID referral = referralOf(proposed(prisoner), "vocational_training");

            move("kg:SUPERVISOR", referral, step("DECLINED", 0))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("reason");
            Map<String, Object> blank = step("DECLINED", 0);
            blank.put("reason", "   ");
            move("kg:SUPERVISOR", referral, blank).expectStatus().isEqualTo(422);
            referrals(prisoner)
                    .jsonPath("$[?(@.id == '" + referral + "')].status")
                    .isEqualTo(List.of("PROPOSED"));

            Map<String, Object> declined = step("DECLINED", 0);
            declined.put("reason", "Already holds a trade qualification");
            move("kg:SUPERVISOR", referral, declined)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("DECLINED")
                    .jsonPath("$.reason")
                    .isEqualTo("Already holds a trade qualification");
            move("kg:SUPERVISOR", referral, step("REFERRED", 1)).expectStatus().isEqualTo(409);

            assertThat(outcomeOf(proposed(prisoner), "vocational_training"))
                    .containsEntry("outcome", "ALREADY_DECIDED");
            referrals(prisoner).jsonPath("$.length()").isEqualTo(2);
        }

        @Test
        void refusesAnUnknownOrBackwardStatus() {
            UUID prisoner = assessedPrisoner(today().plusYears(3));
            UUID referral = referralOf(proposed(prisoner), "basic_education");
            move("kg:ASSESSOR", referral, step("FINISHED", 0))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("status");
            move("kg:ASSESSOR", referral, step("PROPOSED", 0)).expectStatus().isEqualTo(409);
            move("kg:ASSESSOR", referral, Map.of("status", "REFERRED"))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("version");
        }

        @Test
        void rejectsMissingToken() {
            client.post()
                    .uri("/api/referrals/{id}/status", UUID.randomUUID())
                    .bodyValue(step("REFERRED", 0))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsWrongRoles() {
            UUID prisoner = assessedPrisoner(today().plusYears(3));
            UUID referral = referralOf(proposed(prisoner), "basic_education");
            for (String role : NOT_CASE_WORKERS) {
                move(role, referral, step("REFERRED", 0)).expectStatus().isForbidden();
            }
            referrals(prisoner).jsonPath("$[0].status").isEqualTo("PROPOSED");
        }

        @Test
        void hidesAnotherCountrysReferralAndChangesNothing() {
            UUID prisoner = assessedPrisoner(today().plusYears(3));
            UUID referral = referralOf(proposed(prisoner), "basic_education");
            move("kz:SUPERVISOR", referral, step("REFERRED", 0))
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.programmeCode")
                    .doesNotExist();
            referrals(prisoner)
                    .jsonPath("$[?(@.id == '" + referral + "')].status")
                    .isEqualTo(List.of("PROPOSED"))
                    .jsonPath("$[?(@.id == '" + referral + "')].version")
                    .isEqualTo(List.of(0));
        }
    }
}
