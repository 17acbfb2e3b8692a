package org.custodia.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.custodia.assessment.AssessmentApi;
import org.custodia.testsupport.ClassificationApi;
import org.custodia.testsupport.CycleApi;
import org.custodia.testsupport.CycleShortcuts;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The classification lifecycle against the seeded schemes of both demo countries (seed/methodology/{kz,kg}): which
 * rule wins is worked out by hand from the scheme files, as are the constraints an override breaks.
 */
class ClassificationControllerIT extends IntegrationTestBase {

    /**
     * What the seeded scheme of a country does with the cases below.
     *
     * @param courtRegime a court-ordered regime the demo facility holds, with the rule that proposes it and its
     *     position in the rule list; its review interval is 12 months in both schemes
     * @param below a category ranked below the court's regime
     * @param life the category of a life sentence (rule 0, reviewed every 6 months), which the demo facility cannot hold
     * @param veoUnassessed the rule and category for a VEO-flagged man never assessed with the VE guide
     * @param plain what a man with no court regime, offences or flags gets from the catch-all rule
     * @param overrideTo a category an override of {@code plain} may choose (reviewed every 12 months), and whether the
     *     demo facility cannot hold it
     * @param tooSevereForWomen a category women may not be held in
     */
    record Country(
            String realm,
            ZoneId zone,
            String courtRegime,
            String courtRule,
            int courtRuleIndex,
            String below,
            String life,
            String juvenile,
            String veoUnassessed,
            int veoRuleIndex,
            String plain,
            String overrideTo,
            boolean overrideNeedsTransfer,
            String tooSevereForWomen) {

        @Override
        public String toString() {
            return realm;
        }
    }

    static Stream<Country> countries() {
        return Stream.of(
                new Country(
                        "kz",
                        ZoneId.of("Asia/Almaty"),
                        "medium_security",
                        "r_court_medium",
                        9,
                        "minimum_security",
                        "extraordinary_security",
                        "medium_security",
                        "medium_security",
                        8,
                        "minimum_security",
                        "medium_security",
                        false,
                        "maximum_security"),
                new Country(
                        "kg",
                        ZoneId.of("Asia/Bishkek"),
                        "general_regime",
                        "r_court_general",
                        10,
                        "colony_settlement",
                        "special_regime",
                        "educational_colony",
                        "general_regime",
                        9,
                        "general_regime",
                        "strict_regime",
                        true,
                        "strict_regime"));
    }

    private CycleApi cycle() {
        return new CycleApi(client, tokens);
    }

    private ClassificationApi classifications() {
        return new ClassificationApi(client, tokens);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sentence(Map<String, Object> form) {
        return (Map<String, Object>) form.get("sentence");
    }

    private UUID register(Country country, Consumer<Map<String, Object>> change) {
        Map<String, Object> form = CycleApi.sentencedMan(country.realm());
        change.accept(form);
        return UUID.fromString((String) cycle().register(country.realm(), form).get("id"));
    }

    private UUID courtOrdered(Country country) {
        return register(country, form -> sentence(form).put("courtRegime", country.courtRegime()));
    }

    private WebTestClient.BodyContentSpec prisoner(Country country, UUID id) {
        return getAs(country.realm() + ":ASSESSOR", "/api/prisoners/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private WebTestClient.BodyContentSpec decision(String realmAndRole, UUID id) {
        return getAs(realmAndRole, "/api/classifications/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private static Map<String, Object> override(int version, String category, String reason, String narrative) {
        return Map.of("version", version, "category", category, "reason", reason, "narrative", narrative);
    }

    /** The approval's dates: today where the country is (either side of a midnight the test may straddle). */
    private static void assertApprovedToday(
            Map<String, Object> approved, Country country, LocalDate before, int intervalMonths) {
        LocalDate effective = LocalDate.parse((String) approved.get("effectiveOn"));
        assertThat(effective).isBetween(before, LocalDate.now(country.zone()));
        assertThat(LocalDate.parse((String) approved.get("nextReviewOn")))
                .isEqualTo(effective.plusMonths(intervalMonths));
    }

    @ParameterizedTest
    @MethodSource("countries")
    void courtOrderedRegimeIsProposedWithTheTraceThenAcceptedAndApproved(Country country) {
        UUID prisonerId = courtOrdered(country);
        LocalDate before = LocalDate.now(country.zone());

        Map<String, Object> proposed = classifications().proposed(country.realm(), prisonerId);
        UUID id = ClassificationApi.idOf(proposed);
        assertThat(proposed).containsEntry("status", "PROPOSED").containsEntry("version", 0);
        assertThat(proposed.get("proposedCategory")).isEqualTo(country.courtRegime());
        assertThat(proposed.get("proposedByRule")).isEqualTo(country.courtRule());
        decision(country.realm() + ":ASSESSOR", id)
                .jsonPath("$.trace.length()")
                .isEqualTo(country.courtRuleIndex() + 1)
                .jsonPath("$.trace[0].rule")
                .isEqualTo("r_life_sentence")
                .jsonPath("$.trace[0].matched")
                .isEqualTo(false)
                .jsonPath("$.trace[0].reason.en")
                .isNotEmpty()
                .jsonPath("$.trace[%d].rule".formatted(country.courtRuleIndex()))
                .isEqualTo(country.courtRule())
                .jsonPath("$.trace[%d].matched".formatted(country.courtRuleIndex()))
                .isEqualTo(true)
                .jsonPath("$.trace[%d].category".formatted(country.courtRuleIndex()))
                .isEqualTo(country.courtRegime())
                .jsonPath("$.trace[?(@.error != null)]")
                .doesNotExist()
                .jsonPath("$.facts.sentence.courtRegime")
                .isEqualTo(country.courtRegime())
                .jsonPath("$.facts.sentence.lengthMonths")
                .isEqualTo(72)
                .jsonPath("$.facts.prisoner.sex")
                .isEqualTo("M")
                .jsonPath("$.facts.prisoner.age")
                .isEqualTo(Period.between(LocalDate.of(1990, 4, 2), before).getYears())
                .jsonPath("$.proposedBy.username")
                .isEqualTo(country.realm() + ".assessor")
                .jsonPath("$.transferNeeded")
                .isEqualTo(false);

        Map<String, Object> submitted =
                classifications().stepped(country.realm() + ":ASSESSOR", id, "accept", Map.of("version", 0));
        assertThat(submitted).containsEntry("status", "SUBMITTED").containsEntry("version", 1);
        assertThat(submitted.get("category")).isEqualTo(country.courtRegime());
        assertThat(submitted.get("override")).isNull();

        Map<String, Object> approved =
                classifications().stepped(country.realm() + ":SUPERVISOR", id, "approve", Map.of("version", 1));
        assertThat(approved).containsEntry("status", "APPROVED");
        assertThat(approved.get("decidedBy")).asString().contains(country.realm() + ".supervisor");
        // Both seeded schemes review their middle regime every 12 months.
        assertApprovedToday(approved, country, before, 12);

        prisoner(country, prisonerId)
                .jsonPath("$.currentCategory")
                .isEqualTo(country.courtRegime())
                .jsonPath("$.currentDecisionId")
                .isEqualTo(id.toString())
                .jsonPath("$.nextReviewOn")
                .isEqualTo(approved.get("nextReviewOn"))
                .jsonPath("$.transferNeeded")
                .isEqualTo(false);
    }

    @ParameterizedTest
    @MethodSource("countries")
    void lifeSentenceIsProposedByTheFirstRuleAndItsApprovalFlagsATransfer(Country country) {
        UUID prisonerId = register(country, form -> {
            sentence(form).put("life", true);
            sentence(form).put("lengthMonths", null);
            sentence(form).put("expectedRelease", null);
        });
        LocalDate before = LocalDate.now(country.zone());

        Map<String, Object> proposed = classifications().proposed(country.realm(), prisonerId);
        assertThat(proposed.get("proposedCategory")).isEqualTo(country.life());
        assertThat(proposed.get("proposedByRule")).isEqualTo("r_life_sentence");
        assertThat((List<?>) proposed.get("trace")).hasSize(1);
        // The demo facility holds the middle regimes only.
        assertThat(proposed.get("transferNeeded")).isEqualTo(true);

        Map<String, Object> approved = classifications().approved(country.realm(), ClassificationApi.idOf(proposed));
        // Both seeded schemes review their life-sentence regime every 6 months.
        assertApprovedToday(approved, country, before, 6);
        assertThat(approved.get("transferNeeded")).isEqualTo(true);
        prisoner(country, prisonerId)
                .jsonPath("$.currentCategory")
                .isEqualTo(country.life())
                .jsonPath("$.transferNeeded")
                .isEqualTo(true);
    }

    @ParameterizedTest
    @MethodSource("countries")
    void juvenilesAndUnassessedExtremistOffendersFollowTheirRules(Country country) {
        UUID juvenile = register(
                country,
                form -> form.put(
                        "dateOfBirth",
                        LocalDate.now(country.zone()).minusYears(16).toString()));
        Map<String, Object> forJuvenile = classifications().proposed(country.realm(), juvenile);
        assertThat(forJuvenile.get("proposedByRule")).isEqualTo("r_juvenile");
        assertThat(forJuvenile.get("proposedCategory")).isEqualTo(country.juvenile());
        assertThat((List<?>) forJuvenile.get("trace")).hasSize(4);

        // Flagged VEO but never assessed with the VE guide: the label alone keeps him at the middle regime.
        UUID veo = register(country, form -> form.put("flags", List.of("VEO")));
        Map<String, Object> forVeo = classifications().proposed(country.realm(), veo);
        assertThat(forVeo.get("proposedByRule")).isEqualTo("r_veo_not_assessed");
        assertThat(forVeo.get("proposedCategory")).isEqualTo(country.veoUnassessed());
        assertThat((List<?>) forVeo.get("trace")).hasSize(country.veoRuleIndex() + 1);
        assertThat(forVeo.get("facts")).asString().contains("VEO");
    }

    @ParameterizedTest
    @MethodSource("countries")
    void overrideBelowTheCourtsRegimeIsRefusedNamingTheConstraintAndChangesNothing(Country country) {
        UUID prisonerId = courtOrdered(country);
        UUID id = ClassificationApi.idOf(classifications().proposed(country.realm(), prisonerId));

        classifications()
                .step(
                        country.realm() + ":ASSESSOR",
                        id,
                        "override",
                        override(0, country.below(), "BEHAVIOUR", "Good conduct for two years."))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<?>) fields).isNotEmpty().allMatch("category"::equals))
                .jsonPath("$.errors[?(@.message =~ /c_not_below_court_regime: .+/)]")
                .exists()
                .jsonPath("$.violations[?(@.constraint == 'c_not_below_court_regime')].message.en")
                .isNotEmpty()
                .jsonPath("$.violations[?(@.constraint == 'c_not_below_court_regime')].message.ru")
                .isNotEmpty()
                .jsonPath("$.violations[?(@.constraint == 'c_not_below_court_regime')].message."
                        + defaultLanguage(country))
                .isNotEmpty()
                // Only the court changes the regime: not the court's, not the proposal.
                .jsonPath("$.violations[?(@.constraint == 'c_court_decides_type')]")
                .exists();

        decision(country.realm() + ":ASSESSOR", id)
                .jsonPath("$.status")
                .isEqualTo("PROPOSED")
                .jsonPath("$.version")
                .isEqualTo(0)
                .jsonPath("$.category")
                .doesNotExist();
    }

    private static String defaultLanguage(Country country) {
        return country.realm().equals("kz") ? "kk" : "ky";
    }

    @ParameterizedTest
    @MethodSource("countries")
    void womanCannotBeOverriddenIntoAHighSeverityCategory(Country country) {
        UUID woman = register(country, form -> {
            form.put("sex", "F");
            form.put("givenNames", "Test Testovna");
        });
        Map<String, Object> proposed = classifications().proposed(country.realm(), woman);
        assertThat(proposed.get("proposedCategory")).isEqualTo(country.plain());

        classifications()
                .step(
                        country.realm() + ":ASSESSOR",
                        ClassificationApi.idOf(proposed),
                        "override",
                        override(0, country.tooSevereForWomen(), "SECURITY_INFORMATION", "Intelligence report."))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("category")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).startsWith("c_women: "))
                .jsonPath("$.violations[0].constraint")
                .isEqualTo("c_women");
    }

    @ParameterizedTest
    @MethodSource("countries")
    void acceptingAProposalThatBreaksAConstraintIsRefusedToo(Country country) {
        // A life sentence proposes the life regime, which the constraint on women forbids: the seeded rules do not
        // guard this case, so the constraint stops the acceptance.
        UUID lifer = register(country, form -> {
            form.put("sex", "F");
            sentence(form).put("life", true);
            sentence(form).put("lengthMonths", null);
            sentence(form).put("expectedRelease", null);
        });
        Map<String, Object> proposed = classifications().proposed(country.realm(), lifer);
        assertThat(proposed.get("proposedCategory")).isEqualTo(country.life());

        UUID id = ClassificationApi.idOf(proposed);
        classifications()
                .step(country.realm() + ":ASSESSOR", id, "accept", Map.of("version", 0))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("category")
                .jsonPath("$.violations[*].constraint")
                .isEqualTo(List.of("c_women"));
        decision(country.realm() + ":ASSESSOR", id).jsonPath("$.status").isEqualTo("PROPOSED");
    }

    @ParameterizedTest
    @MethodSource("countries")
    void overrideWithAReasonIsApprovedByASupervisor(Country country) {
        UUID prisonerId = register(country, form -> {});
        Map<String, Object> proposed = classifications().proposed(country.realm(), prisonerId);
        UUID id = ClassificationApi.idOf(proposed);
        assertThat(proposed.get("proposedCategory")).isEqualTo(country.plain());
        assertThat(proposed.get("proposedByRule")).isEqualTo("r_default");

        Map<String, Object> submitted = classifications()
                .stepped(
                        country.realm() + ":ASSESSOR",
                        id,
                        "override",
                        override(
                                0,
                                country.overrideTo(),
                                "SECURITY_INFORMATION",
                                "Escape plan found in a cell search."));
        assertThat(submitted).containsEntry("status", "SUBMITTED").containsEntry("category", country.overrideTo());
        assertThat(submitted.get("proposedCategory")).isEqualTo(country.plain());
        assertThat(submitted.get("override"))
                .isEqualTo(
                        Map.of("reason", "SECURITY_INFORMATION", "narrative", "Escape plan found in a cell search."));

        LocalDate before = LocalDate.now(country.zone());
        Map<String, Object> approved = classifications()
                .stepped(
                        country.realm() + ":SUPERVISOR",
                        id,
                        "approve",
                        Map.of("version", 1, "comment", "Agreed on the security information."));
        assertThat(approved)
                .containsEntry("status", "APPROVED")
                .containsEntry("decisionComment", "Agreed on the security information.");
        assertApprovedToday(approved, country, before, 12);
        assertThat(approved.get("transferNeeded")).isEqualTo(country.overrideNeedsTransfer());

        prisoner(country, prisonerId)
                .jsonPath("$.currentCategory")
                .isEqualTo(country.overrideTo())
                .jsonPath("$.transferNeeded")
                .isEqualTo(country.overrideNeedsTransfer());
    }

    @ParameterizedTest
    @MethodSource("countries")
    void overridesNameWhatIsWrong(Country country) {
        UUID id = ClassificationApi.idOf(classifications().proposed(country.realm(), register(country, form -> {})));
        String assessor = country.realm() + ":ASSESSOR";

        classifications()
                .step(assessor, id, "override", override(0, "no_such_category", "OTHER", "Because."))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("category");
        classifications()
                .step(assessor, id, "override", override(0, country.plain(), "OTHER", "Because."))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("category");
        classifications()
                .step(assessor, id, "override", override(0, country.overrideTo(), "OTHER", " "))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("narrative");
        classifications()
                .step(assessor, id, "override", override(0, country.overrideTo(), "WHIM", "Because."))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");

        decision(assessor, id)
                .jsonPath("$.status")
                .isEqualTo("PROPOSED")
                .jsonPath("$.version")
                .isEqualTo(0);
    }

    @ParameterizedTest
    @MethodSource("countries")
    void theAuthorNeverDecidesTheirOwnProposalEvenAsASupervisor(Country country) {
        String supervisor = country.realm() + ":SUPERVISOR";
        UUID prisonerId = courtOrdered(country);
        Map<String, Object> proposed = classifications()
                .propose(supervisor, prisonerId)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        UUID id = UUID.fromString((String) proposed.get("id"));
        // Only the author submits it.
        classifications()
                .step(country.realm() + ":ASSESSOR", id, "accept", Map.of("version", 0))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("author"));
        classifications().stepped(supervisor, id, "accept", Map.of("version", 0));

        classifications()
                .step(supervisor, id, "approve", Map.of("version", 1))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("another supervisor"));
        classifications()
                .step(supervisor, id, "reject", Map.of("version", 1, "comment", "Mine."))
                .expectStatus()
                .isForbidden();

        assertThat(classifications().inboxItem(supervisor, id))
                .hasValueSatisfying(item -> assertThat(item)
                        .containsEntry("mayDecide", false)
                        .hasEntrySatisfying(
                                "whyNot", why -> assertThat((String) why).contains("another supervisor")));
        decision(supervisor, id)
                .jsonPath("$.status")
                .isEqualTo("SUBMITTED")
                .jsonPath("$.decidedBy")
                .doesNotExist();

        // Someone else's proposal is theirs to decide.
        UUID other = ClassificationApi.idOf(classifications().proposed(country.realm(), courtOrdered(country)));
        classifications().stepped(country.realm() + ":ASSESSOR", other, "accept", Map.of("version", 0));
        assertThat(classifications().inboxItem(supervisor, other))
                .hasValueSatisfying(item -> assertThat(item)
                        .containsEntry("mayDecide", true)
                        .hasEntrySatisfying(
                                "prisonerNumber",
                                number -> assertThat((String) number).isNotEmpty()));

        classifications().stepped(supervisor, id, "withdraw", Map.of("version", 1));
        classifications().stepped(supervisor, other, "reject", Map.of("version", 1, "comment", "Inbox test."));
    }

    @ParameterizedTest
    @MethodSource("countries")
    void rejectionNeedsACommentAndLeavesTheClassificationAsItWas(Country country) {
        UUID prisonerId = courtOrdered(country);
        UUID id = ClassificationApi.idOf(classifications().proposed(country.realm(), prisonerId));
        classifications().stepped(country.realm() + ":ASSESSOR", id, "accept", Map.of("version", 0));

        classifications()
                .step(country.realm() + ":SUPERVISOR", id, "reject", Map.of("version", 1))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("comment");
        Map<String, Object> rejected = classifications()
                .stepped(
                        country.realm() + ":SUPERVISOR",
                        id,
                        "reject",
                        Map.of("version", 1, "comment", "The sentence record is being corrected."));
        assertThat(rejected)
                .containsEntry("status", "REJECTED")
                .containsEntry("decisionComment", "The sentence record is being corrected.")
                .containsEntry("effectiveOn", null);
        prisoner(country, prisonerId).jsonPath("$.currentCategory").doesNotExist();

        // Decided: nothing more happens to it, and a new proposal may be made.
        classifications()
                .step(country.realm() + ":SUPERVISOR", id, "approve", Map.of("version", 2))
                .expectStatus()
                .isEqualTo(409);
        classifications()
                .propose(country.realm() + ":ASSESSOR", prisonerId)
                .expectStatus()
                .isCreated();
    }

    @ParameterizedTest
    @MethodSource("countries")
    void onlyOneOpenDecisionPerPrisonerUntilItIsWithdrawn(Country country) {
        UUID prisonerId = register(country, form -> {});
        UUID id = ClassificationApi.idOf(classifications().proposed(country.realm(), prisonerId));
        classifications()
                .propose(country.realm() + ":SUPERVISOR", prisonerId)
                .expectStatus()
                .isEqualTo(409);

        classifications().stepped(country.realm() + ":ASSESSOR", id, "accept", Map.of("version", 0));
        classifications()
                .propose(country.realm() + ":ASSESSOR", prisonerId)
                .expectStatus()
                .isEqualTo(409);

        // Only the author withdraws it.
        classifications()
                .step(country.realm() + ":SUPERVISOR", id, "withdraw", Map.of("version", 1))
                .expectStatus()
                .isForbidden();
        assertThat(classifications().stepped(country.realm() + ":ASSESSOR", id, "withdraw", Map.of("version", 1)))
                .containsEntry("status", "WITHDRAWN");
        classifications()
                .propose(country.realm() + ":ASSESSOR", prisonerId)
                .expectStatus()
                .isCreated();
    }

    @ParameterizedTest
    @MethodSource("countries")
    void aReleasedPrisonerIsNotClassified(Country country) {
        UUID prisonerId = register(country, form -> form.put("legalStatus", "RELEASED"));

        classifications()
                .propose(country.realm() + ":ASSESSOR", prisonerId)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("released"));
        getAs(country.realm() + ":ASSESSOR", "/api/prisoners/{id}/classifications", prisonerId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @ParameterizedTest
    @MethodSource("countries")
    void aStaleVersionIsRefusedAndLosesNothing(Country country) {
        UUID prisonerId = courtOrdered(country);
        UUID id = ClassificationApi.idOf(classifications().proposed(country.realm(), prisonerId));
        classifications().stepped(country.realm() + ":ASSESSOR", id, "accept", Map.of("version", 0));

        // The supervisor read the proposal before it was submitted.
        classifications()
                .step(country.realm() + ":SUPERVISOR", id, "approve", Map.of("version", 0))
                .expectStatus()
                .isEqualTo(409);
        decision(country.realm() + ":SUPERVISOR", id)
                .jsonPath("$.status")
                .isEqualTo("SUBMITTED")
                .jsonPath("$.version")
                .isEqualTo(1);
        prisoner(country, prisonerId).jsonPath("$.currentCategory").doesNotExist();

        classifications().stepped(country.realm() + ":SUPERVISOR", id, "approve", Map.of("version", 1));
    }

    /** Changes the registered prisoner as the realm's assessor (PUT with the version read). */
    private void updatePrisoner(Country country, UUID prisonerId, Consumer<Map<String, Object>> change) {
        @SuppressWarnings("unchecked")
        Map<String, Object> form = getAs(country.realm() + ":ASSESSOR", "/api/prisoners/{id}", prisonerId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<String, Object> changed = CycleApi.sentencedMan(country.realm());
        changed.keySet().forEach(field -> changed.put(field, form.get(field)));
        changed.put("version", form.get("version"));
        change.accept(changed);
        requestAs(country.realm() + ":ASSESSOR", HttpMethod.PUT, "/api/prisoners/{id}", prisonerId)
                .bodyValue(changed)
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The approval of the submitted decision {@code id} (version 1) is refused naming what changed; nothing changes. */
    private void approvalRefusedAsStale(Country country, UUID prisonerId, UUID id, String... changed) {
        classifications()
                .step(country.realm() + ":SUPERVISOR", id, "approve", Map.of("version", 1))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:custodia:problem:conflict")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("facts changed since this decision was proposed"))
                .jsonPath("$.changedFacts")
                .isEqualTo(List.of(changed));
        decision(country.realm() + ":SUPERVISOR", id)
                .jsonPath("$.status")
                .isEqualTo("SUBMITTED")
                .jsonPath("$.version")
                .isEqualTo(1);
        prisoner(country, prisonerId).jsonPath("$.currentCategory").doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("countries")
    void approvalOfADecisionWhoseFactsChangedIsRefusedUntilTheAuthorProposesAgain(Country country) {
        UUID prisonerId = courtOrdered(country);
        UUID id = ClassificationApi.idOf(classifications().proposed(country.realm(), prisonerId));
        classifications().stepped(country.realm() + ":ASSESSOR", id, "accept", Map.of("version", 0));

        // Between proposal and approval the sentence is found to be longer, and an extremist flag is added.
        updatePrisoner(country, prisonerId, form -> {
            sentence(form).put("lengthMonths", 96);
            sentence(form).put("expectedRelease", "2033-01-15");
            form.put("flags", List.of("VEO"));
        });
        approvalRefusedAsStale(country, prisonerId, id, "sentence", "flags");

        classifications().stepped(country.realm() + ":ASSESSOR", id, "withdraw", Map.of("version", 1));
        Map<String, Object> again = classifications().proposed(country.realm(), prisonerId);
        assertThat(again.get("facts").toString()).contains("lengthMonths=96", "VEO");
        classifications().approved(country.realm(), ClassificationApi.idOf(again));
        prisoner(country, prisonerId).jsonPath("$.currentDecisionId").isEqualTo(again.get("id"));
    }

    @ParameterizedTest
    @MethodSource("countries")
    void approvalIsRefusedAfterANewerApprovedAssessmentOrARelease(Country country) {
        UUID prisonerId = courtOrdered(country);
        UUID id = ClassificationApi.idOf(classifications().proposed(country.realm(), prisonerId));
        classifications().stepped(country.realm() + ":ASSESSOR", id, "accept", Map.of("version", 0));

        new AssessmentApi(client, tokens)
                .approved(country.realm(), prisonerId, "needs_inventory", AssessmentApi.needsInventoryTwoNeeds());
        approvalRefusedAsStale(country, prisonerId, id, "assessments");

        updatePrisoner(country, prisonerId, form -> form.put("legalStatus", "RELEASED"));
        classifications()
                .step(country.realm() + ":SUPERVISOR", id, "approve", Map.of("version", 1))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("released"));
        prisoner(country, prisonerId).jsonPath("$.currentCategory").doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("countries")
    void approvalDaysAfterTheProposalStillPassesWhenNothingChanged(Country country) {
        UUID prisonerId = courtOrdered(country);
        UUID id = ClassificationApi.idOf(classifications().proposed(country.realm(), prisonerId));
        classifications().stepped(country.realm() + ":ASSESSOR", id, "accept", Map.of("version", 0));
        // As if proposed 62 days ago, from the facts of that day: since then the remaining months went down, but the
        // facts are compared as of the proposal's day, so the passing of time alone changes nothing.
        LocalDate then = LocalDate.now(country.zone()).minusDays(62);
        long remainingThen = ChronoUnit.MONTHS.between(then, LocalDate.parse("2031-01-15"));
        int ageThen = Period.between(LocalDate.of(1990, 4, 2), then).getYears();
        CycleShortcuts.execute(
                country.realm().equals("kz") ? DemoTenants.KZ : DemoTenants.KG,
                "update classification_decision set proposed_at = proposed_at - interval '62 days',"
                        + " facts = jsonb_set(jsonb_set(facts, '{sentence,remainingMonths}', to_jsonb(?::int)),"
                        + " '{prisoner,age}', to_jsonb(?::int)) where id = ?",
                remainingThen,
                ageThen,
                id);
        classifications().stepped(country.realm() + ":SUPERVISOR", id, "approve", Map.of("version", 1));
    }

    @ParameterizedTest
    @MethodSource("countries")
    void thePrisonersCurrentDecisionMustBeOneOfTheCountrysOwnDecisions(Country country) {
        UUID prisonerId = courtOrdered(country);
        String approvedId = (String)
                classifications().approvedProposal(country.realm(), prisonerId).get("id");
        prisoner(country, prisonerId).jsonPath("$.currentDecisionId").isEqualTo(approvedId);
        String otherRealm = country.realm().equals("kz") ? "kg" : "kz";
        Object otherCountrysDecision = classifications()
                .approvedProposal(otherRealm, cycle().registerSentencedMan(otherRealm))
                .get("id");

        // Written directly by the owner, past the service: the database itself refuses what points nowhere.
        for (Object dangling : List.of(UUID.randomUUID(), UUID.fromString((String) otherCountrysDecision))) {
            assertThatThrownBy(() -> CycleShortcuts.execute(
                            country.realm().equals("kz") ? DemoTenants.KZ : DemoTenants.KG,
                            "update prisoner set current_decision_id = ? where id = ?",
                            dangling,
                            prisonerId))
                    .hasRootCauseInstanceOf(SQLException.class)
                    .rootCause()
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23503"))
                    .hasMessageContaining("prisoner_current_decision_fk");
        }
        prisoner(country, prisonerId).jsonPath("$.currentDecisionId").isEqualTo(approvedId);
    }

    @ParameterizedTest
    @MethodSource("countries")
    void historyKeepsEveryDecisionAndEveryStepIsAudited(Country country) {
        UUID prisonerId = register(country, form -> {});
        UUID rejected = ClassificationApi.idOf(classifications().proposed(country.realm(), prisonerId));
        classifications()
                .stepped(
                        country.realm() + ":ASSESSOR",
                        rejected,
                        "override",
                        override(0, country.overrideTo(), "PROTECTION", "Threatened by a cellmate's group."));
        classifications()
                .stepped(
                        country.realm() + ":SUPERVISOR",
                        rejected,
                        "reject",
                        Map.of("version", 1, "comment", "Move within the facility instead."));
        UUID approved = ClassificationApi.idOf(classifications().approvedProposal(country.realm(), prisonerId));

        getAs(country.realm() + ":SUPERVISOR", "/api/prisoners/{id}/classifications", prisonerId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].id")
                .isEqualTo(approved.toString())
                .jsonPath("$[0].status")
                .isEqualTo("APPROVED")
                .jsonPath("$[0].decidedBy.username")
                .isEqualTo(country.realm() + ".supervisor")
                .jsonPath("$[1].id")
                .isEqualTo(rejected.toString())
                .jsonPath("$[1].status")
                .isEqualTo("REJECTED")
                .jsonPath("$[1].override.reason")
                .isEqualTo("PROTECTION")
                .jsonPath("$[1].override.narrative")
                .isEqualTo("Threatened by a cellmate's group.")
                .jsonPath("$[1].decisionComment")
                .isEqualTo("Move within the facility instead.")
                .jsonPath("$[1].trace[-1:].rule")
                .isEqualTo(List.of("r_default"))
                .jsonPath("$[1].facts.prisoner.sex")
                .isEqualTo("M");
        decision(country.realm() + ":ASSESSOR", approved).jsonPath("$.status").isEqualTo("APPROVED");

        assertThat(auditActions(country, approved))
                .containsExactly(
                        "CLASSIFICATION_VIEWED",
                        "CLASSIFICATION_APPROVED",
                        "CLASSIFICATION_SUBMITTED",
                        "CLASSIFICATION_PROPOSED");
        assertThat(auditActions(country, rejected))
                .containsExactly("CLASSIFICATION_REJECTED", "CLASSIFICATION_SUBMITTED", "CLASSIFICATION_PROPOSED");
        assertThat(auditActions(country, prisonerId)).contains("CLASSIFICATION_HISTORY_VIEWED");
    }

    @SuppressWarnings("unchecked")
    private List<String> auditActions(Country country, UUID entityId) {
        Map<String, Object> page = getAs(country.realm() + ":AUDITOR", "/api/audit/entries?entityId={id}", entityId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        List<String> actions = new ArrayList<>();
        for (Object entry : (List<Object>) page.get("entries")) {
            actions.add((String) ((Map<String, Object>) entry).get("action"));
        }
        return actions;
    }
}
