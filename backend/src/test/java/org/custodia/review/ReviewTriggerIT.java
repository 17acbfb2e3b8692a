package org.custodia.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.testsupport.ClassificationApi;
import org.custodia.testsupport.CycleApi;
import org.custodia.testsupport.CycleShortcuts;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

class ReviewTriggerIT extends IntegrationTestBase {

    private static final String TRIGGERS = "/api/prisoners/{id}/review-triggers";

    private static final List<String> NOT_CASE_WORKERS = List.of(
            "kz:ANALYST",
            "kz:AUDITOR",
            "kz:COUNTRY_ADMIN",
            "platform:PLATFORM_ADMIN",
            "platform:PROGRAMME_COORDINATOR");

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Almaty"));
    }

    private CycleApi cycle() {
        return new CycleApi(client, tokens);
    }

    /** A prisoner of a facility of their own, so the due list by facility shows only them. */
    private record Subject(UUID id, UUID facility) {}

    private Subject prisonerDueOn(LocalDate nextReviewOn) {
        UUID facility = cycle().newFacility("kz");
        Map<String, Object> form = CycleApi.sentencedMan("kz");
        form.put("facilityId", facility.toString());
        UUID id = UUID.fromString((String) cycle().register("kz", form).get("id"));
        if (nextReviewOn != null) {
            CycleShortcuts.setNextReview(DemoTenants.KZ, id, nextReviewOn);
        }
        return new Subject(id, facility);
    }

    private WebTestClient.ResponseSpec record(String realmAndRole, UUID prisoner, Map<String, Object> form) {
        return requestAs(realmAndRole, HttpMethod.POST, TRIGGERS, prisoner)
                .bodyValue(form)
                .exchange();
    }

    private static Map<String, Object> incident() {
        Map<String, Object> form = new HashMap<>();
        form.put("kind", "INCIDENT");
        form.put("note", "Fight in the workshop");
        return form;
    }

    private Object nextReviewOn(UUID prisoner) {
        return CycleShortcuts.value(DemoTenants.KZ, "select next_review_on from prisoner where id = ?", prisoner);
    }

    @Nested
    @DisplayName("POST /api/prisoners/{id}/review-triggers")
    class RecordTrigger {

        @Test
        void makesAClassifiedPrisonerDueTodayAndIsListed() {
            Subject subject = prisonerDueOn(null);
            Map<String, Object> decision = new ClassificationApi(client, tokens).approvedProposal("kz", subject.id());
            assertThat(LocalDate.parse((String) decision.get("nextReviewOn"))).isAfter(today());
            getAs("kz:SUPERVISOR", "/api/reviews/due?facilityId={f}", subject.facility())
                    .exchange()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(0);

            Map<String, Object> form = incident();
            form.put("occurredOn", today().minusDays(2).toString());
            record("kz:ASSESSOR", subject.id(), form)
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.kind")
                    .isEqualTo("INCIDENT")
                    .jsonPath("$.occurredOn")
                    .isEqualTo(today().minusDays(2).toString())
                    .jsonPath("$.note")
                    .isEqualTo("Fight in the workshop");

            getAs("kz:SUPERVISOR", "/api/reviews/due?facilityId={f}", subject.facility())
                    .exchange()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(1)
                    .jsonPath("$.items[0].prisonerId")
                    .isEqualTo(subject.id().toString())
                    .jsonPath("$.items[0].status")
                    .isEqualTo("DUE")
                    .jsonPath("$.items[0].nextReviewOn")
                    .isEqualTo(today().toString());
            getAs("kz:SUPERVISOR", TRIGGERS, subject.id())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(1)
                    .jsonPath("$[0].kind")
                    .isEqualTo("INCIDENT")
                    .jsonPath("$[0].prisonerId")
                    .isEqualTo(subject.id().toString());

            getAs("kz:AUDITOR", "/api/audit/entries?entityId={id}&limit=3", subject.id())
                    .exchange()
                    .expectBody()
                    .jsonPath("$.entries[0].action")
                    .isEqualTo("REVIEW_TRIGGERS_VIEWED")
                    .jsonPath("$.entries[1].action")
                    .isEqualTo("PRISONER_REVIEW_BROUGHT_FORWARD")
                    .jsonPath("$.entries[1].after.nextReviewOn")
                    .isEqualTo(today().toString());
        }

        @Test
        void makesAPrisonerNeverClassifiedDueTodayAndLeavesAnOverdueOneOverdue() {
            Subject never = prisonerDueOn(null);
            record("kz:SUPERVISOR", never.id(), Map.of("kind", "REQUEST"))
                    .expectStatus()
                    .isCreated();
            getAs("kz:ASSESSOR", "/api/reviews/due?facilityId={f}", never.facility())
                    .exchange()
                    .expectBody()
                    .jsonPath("$.items[0].status")
                    .isEqualTo("DUE");

            Subject overdue = prisonerDueOn(today().minusDays(10));
            record("kz:ASSESSOR", overdue.id(), Map.of("kind", "NEW_OFFENCE"))
                    .expectStatus()
                    .isCreated();
            getAs("kz:ASSESSOR", "/api/reviews/due?facilityId={f}", overdue.facility())
                    .exchange()
                    .expectBody()
                    .jsonPath("$.items[0].status")
                    .isEqualTo("OVERDUE")
                    .jsonPath("$.items[0].daysOverdue")
                    .isEqualTo(10);
        }

        @Test
        void refusesABadEventNamingTheFieldAndRecordsNothing() {
            Subject subject = prisonerDueOn(today().plusMonths(3));
            Map<String, Object> future = incident();
            future.put("occurredOn", today().plusDays(1).toString());
            record("kz:ASSESSOR", subject.id(), future)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("occurredOn");
            record("kz:ASSESSOR", subject.id(), Map.of("kind", "HUNCH"))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("kind");
            record("kz:ASSESSOR", subject.id(), Map.of("note", "no kind"))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("kind");

            getAs("kz:ASSESSOR", TRIGGERS, subject.id())
                    .exchange()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(0);
            assertThat(nextReviewOn(subject.id()).toString())
                    .isEqualTo(today().plusMonths(3).toString());
        }

        @Test
        void refusesAReleasedPrisoner() {
            Map<String, Object> form = CycleApi.sentencedMan("kz");
            form.put("legalStatus", "RELEASED");
            UUID released =
                    UUID.fromString((String) cycle().register("kz", form).get("id"));
            record("kz:ASSESSOR", released, incident()).expectStatus().isEqualTo(409);
        }

        @Test
        void rejectsMissingToken() {
            client.post()
                    .uri(TRIGGERS, UUID.randomUUID())
                    .bodyValue(incident())
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsWrongRoles() {
            Subject subject = prisonerDueOn(today().plusMonths(3));
            for (String role : NOT_CASE_WORKERS) {
                record(role, subject.id(), incident()).expectStatus().isForbidden();
            }
            assertThat(nextReviewOn(subject.id()).toString())
                    .isEqualTo(today().plusMonths(3).toString());
        }

        @Test
        void hidesAnotherCountrysPrisonerAndChangesNothing() {
            Subject subject = prisonerDueOn(today().plusMonths(3));
            record("kg:ASSESSOR", subject.id(), incident())
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.kind")
                    .doesNotExist();
            assertThat(nextReviewOn(subject.id()).toString())
                    .isEqualTo(today().plusMonths(3).toString());
            getAs("kz:ASSESSOR", TRIGGERS, subject.id())
                    .exchange()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(0);
        }
    }

    @Nested
    @DisplayName("GET /api/prisoners/{id}/review-triggers")
    class ListTriggers {

        @Test
        void listsNewestFirst() {
            Subject subject = prisonerDueOn(today().plusMonths(3));
            record("kz:ASSESSOR", subject.id(), incident()).expectStatus().isCreated();
            record("kz:ASSESSOR", subject.id(), Map.of("kind", "SENTENCE_CHANGE"))
                    .expectStatus()
                    .isCreated();
            getAs("kz:ASSESSOR", TRIGGERS, subject.id())
                    .exchange()
                    .expectBody()
                    .jsonPath("$[0].kind")
                    .isEqualTo("SENTENCE_CHANGE")
                    .jsonPath("$[1].kind")
                    .isEqualTo("INCIDENT")
                    .jsonPath("$[1].recordedByName")
                    .isEqualTo("kz.assessor")
                    .jsonPath("$[1].recordedBy")
                    .value(recordedBy -> assertThat((String) recordedBy)
                            .isNotEqualTo("kz.assessor")
                            .matches("[0-9a-f-]{36}"));
        }

        @Test
        void rejectsMissingToken() {
            client.get()
                    .uri(TRIGGERS, UUID.randomUUID())
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void rejectsWrongRoles() {
            Subject subject = prisonerDueOn(null);
            for (String role : NOT_CASE_WORKERS) {
                getAs(role, TRIGGERS, subject.id()).exchange().expectStatus().isForbidden();
            }
        }

        @Test
        void hidesAnotherCountrysPrisoner() {
            Subject subject = prisonerDueOn(null);
            record("kz:ASSESSOR", subject.id(), incident()).expectStatus().isCreated();
            getAs("kg:SUPERVISOR", TRIGGERS, subject.id())
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$[0]")
                    .doesNotExist();
        }
    }
}
