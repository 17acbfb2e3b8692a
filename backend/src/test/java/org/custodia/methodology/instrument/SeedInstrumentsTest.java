package org.custodia.methodology.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.methodology.instrument.SeedMethodology.DEFAULT_LANGUAGE;
import static org.custodia.methodology.instrument.SeedMethodology.INSTRUMENT_FILES;
import static org.custodia.methodology.instrument.SeedMethodology.LANGUAGES;
import static org.custodia.methodology.instrument.SeedMethodology.OTHER_FILES;
import static org.custodia.methodology.instrument.SeedMethodology.TENANTS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.custodia.methodology.instrument.InstrumentViews.ExportedVersion;
import org.custodia.methodology.instrument.ScoringResult.ItemResult;
import org.custodia.methodology.instrument.ScoringResult.OverallResult;
import org.custodia.methodology.instrument.ScoringResult.ScaleResult;
import org.custodia.methodology.risk.CommonLevel;
import org.custodia.methodology.risk.RiskLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The seed methodology of the demo tenants (Kazakhstan {@code kz}, default language {@code kk}; Kyrgyzstan {@code kg},
 * default language {@code ky}): every instrument validates against its tenant's risk levels, and scores hand-computed
 * answer sets exactly. Kyrgyzstan's instruments are built like Kazakhstan's, except that its middle risk level is
 * {@code MODERATE} (not {@code MEDIUM}), its offence gravity options differ and its violent extremism guide proposes a
 * rating ({@code BOTH}) where Kazakhstan's leaves it wholly to the rater ({@code JUDGEMENT}); so the same answers give
 * the same scores in both countries.
 */
class SeedInstrumentsTest {

    private final Scorer scorer = new Scorer();

    static Stream<Arguments> everyInstrument() {
        return TENANTS.stream().flatMap(tenant -> INSTRUMENT_FILES.stream().map(file -> Arguments.of(tenant, file)));
    }

    /** The tenant's code for the middle level of its four-level scale. */
    private static String medium(String tenant) {
        return tenant.equals("kg") ? "MODERATE" : "MEDIUM";
    }

    private static ScaleResult scale(ScoringResult result, String code) {
        return result.scales().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static ItemResult item(ScoringResult result, String code) {
        return result.items().stream()
                .filter(i -> i.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static void assertScale(ScoringResult result, String code, double score, String level) {
        ScaleResult scale = scale(result, code);
        assertThat(scale.scorable()).as(code + " scorable").isTrue();
        assertThat(scale.score()).as(code + " score").isEqualTo(score);
        assertThat(scale.level()).as(code + " level").isEqualTo(level);
    }

    private static void assertNotScorable(ScoringResult result, String code, String... missing) {
        ScaleResult scale = scale(result, code);
        assertThat(scale.scorable()).as(code + " scorable").isFalse();
        assertThat(scale.score()).isNull();
        assertThat(scale.missingItems()).as(code + " missing").containsExactly(missing);
    }

    @Nested
    class Files {

        @ParameterizedTest(name = "{0}/{1}")
        @MethodSource("org.custodia.methodology.instrument.SeedInstrumentsTest#everyInstrument")
        void everyInstrumentIsValidForItsTenant(String tenant, String file) {
            assertThat(SeedMethodology.validate(tenant, file).errors()).isEmpty();
        }

        @ParameterizedTest(name = "{0}/{1}")
        @MethodSource("org.custodia.methodology.instrument.SeedInstrumentsTest#everyInstrument")
        void everyInstrumentIsInTheExchangeFormat(String tenant, String file) {
            ExportedVersion document = SeedMethodology.exported(tenant, file);
            assertThat(document.schema()).isEqualTo(ExportedVersion.SCHEMA);
            assertThat(document.instrument().code()).matches("[a-z][a-z0-9_]{0,62}");
            assertThat(document.instrument().kind()).isNotNull();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void instrumentsCoverTheThreeKinds(String tenant) {
            assertThat(INSTRUMENT_FILES.stream()
                            .map(file -> SeedMethodology.exported(tenant, file)
                                    .instrument()
                                    .kind()))
                    .containsExactly(InstrumentKind.ACTUARIAL, InstrumentKind.NEEDS, InstrumentKind.SPJ);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void riskLevelsAreOrderedAndMappedToTheCommonScale(String tenant) {
            List<RiskLevel> levels = SeedMethodology.riskLevels(tenant);
            assertThat(levels).hasSizeBetween(2, 12);
            assertThat(levels).extracting(RiskLevel::code).allMatch(code -> code.matches("[A-Z][A-Z0-9_]{0,31}"));
            assertThat(levels).extracting(RiskLevel::code).doesNotHaveDuplicates();
            assertThat(levels).extracting(RiskLevel::commonLevel).isSorted();
            assertThat(levels).extracting(RiskLevel::commonLevel).contains(CommonLevel.LOW, CommonLevel.VERY_HIGH);
            assertThat(levels)
                    .allSatisfy(level -> assertThat(level.name().get(DEFAULT_LANGUAGE.get(tenant)))
                            .isNotBlank());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void everyNameIsGivenInAllSixLanguages(String tenant) {
            List<String> problems = new ArrayList<>();
            Stream.concat(INSTRUMENT_FILES.stream(), OTHER_FILES.stream())
                    .forEach(file -> names(SeedMethodology.tree(tenant, file), tenant + "/" + file, problems));
            assertThat(problems).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void offenceCodesAreUniqueAndTheirGravityIsAClassOfTheCountry(String tenant) {
            JsonNode offences = SeedMethodology.tree(tenant, "offences.json");
            assertThat(offences.path("note").asString()).contains("llustrative");
            Set<String> classes = new HashSet<>();
            offences.path("gravityClasses")
                    .forEach(c -> classes.add(c.path("code").asString()));
            assertThat(classes).hasSize(4);
            List<String> codes = new ArrayList<>();
            offences.path("offences").forEach(offence -> {
                codes.add(offence.path("code").asString());
                assertThat(offence.path("gravity").asString()).isIn(classes);
            });
            assertThat(codes).hasSizeBetween(15, 25).doesNotHaveDuplicates();
            assertThat(codes).allMatch(code -> code.matches("[A-Z][A-Z0-9_]*"));
            assertThat(codes).contains("TERRORIST_ACT", "TERRORISM_FINANCING", "TERRORIST_RECRUITMENT");
        }

        /** Every multilingual map (name, title, label, guidance, description, reason, message) has all six. */
        private static void names(JsonNode node, String path, List<String> problems) {
            Set<String> multilingual = Set.of("name", "title", "label", "guidance", "description", "reason", "message");
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    String at = path + "." + field.getKey();
                    if (multilingual.contains(field.getKey())) {
                        if (!field.getValue().isObject()) {
                            problems.add(at + " is not a map of language to text");
                            continue;
                        }
                        Set<String> given = new HashSet<>();
                        field.getValue().properties().forEach(text -> {
                            if (text.getValue().asString().isBlank()) {
                                problems.add(at + "." + text.getKey() + " is blank");
                            }
                            given.add(text.getKey());
                        });
                        if (!given.equals(Set.copyOf(LANGUAGES))) {
                            problems.add(at + " has " + given + ", not " + LANGUAGES);
                        }
                    } else {
                        names(field.getValue(), at, problems);
                    }
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    names(node.get(i), path + "[" + i + "]", problems);
                }
            }
        }
    }

    /**
     * {@code custody-rating.json}. Security risk (SR, 13 items, at most 1 missing, NOT_SCORABLE): cut-offs 40 / 80 /
     * 120. Institutional adjustment (IA, 13 items, at most 2 missing, PRORATE): cut-offs 15 / 35 / 60. Total = SR + 1.5
     * * IA: cut-offs 60 / 120 / 180. Overall (BOTH): VERY_HIGH when either subscale is VERY_HIGH, else the total's
     * level.
     */
    @Nested
    class CustodyRating {

        /**
         * SR: offence_gravity grave 25 + sentence_years 8 -> [5,10) 16 + offence_violence 10 + offence_weapon no 0 +
         * terrorism_offence 15 + outstanding_charges none 0 + prior_convictions 1 -> [1,3) 5 + prior_prison 5 +
         * release_revoked no 0 + age_first_conviction 22 -> [18,25) 5 + escape_history none 0 + escape_information no
         * 0 + stable_residence yes 0 = 81 -> HIGH.
         *
         * <p>IA: disciplinary_violations 2 -> [1,3) 3 + persistent_violator no 0 + violence_in_custody 12 +
         * violence_in_custody_count 2 -> [2,4) 4 + contraband no 0 + substance_use_custody no 0 + criminal_subculture
         * associate 6 + pressure_on_others no 0 + programme_engagement partial 3 + age_now 29 -> [25,35) 5 +
         * employed_before no 3 + family_contact yes 0 + substance_misuse_history no 0 = 36 -> HIGH.
         */
        private static Map<String, Object> answers() {
            Map<String, Object> a = new HashMap<>();
            a.put("offence_gravity", "grave");
            a.put("sentence_years", 8);
            a.put("offence_violence", true);
            a.put("offence_weapon", false);
            a.put("terrorism_offence", true);
            a.put("outstanding_charges", "none");
            a.put("prior_convictions", 1);
            a.put("prior_prison", true);
            a.put("release_revoked", false);
            a.put("age_first_conviction", 22);
            a.put("escape_history", "none");
            a.put("escape_information", false);
            a.put("stable_residence", true);
            a.put("disciplinary_violations", 2);
            a.put("persistent_violator", false);
            a.put("violence_in_custody", true);
            a.put("violence_in_custody_count", 2);
            a.put("contraband", false);
            a.put("substance_use_custody", false);
            a.put("criminal_subculture", "associate");
            a.put("pressure_on_others", false);
            a.put("programme_engagement", "partial");
            a.put("age_now", 29);
            a.put("employed_before", false);
            a.put("family_contact", true);
            a.put("substance_misuse_history", false);
            a.put("assessor_notes", "Court file, interview on admission, unit log.");
            return a;
        }

        private ScoringResult score(String tenant, Map<String, Object> answers, Judgement judgement) {
            CompiledInstrument instrument = SeedMethodology.compiled(tenant, "custody-rating.json");
            assertThat(AnswerValidator.validate(instrument, answers)).isEmpty();
            return scorer.score(instrument, answers, judgement);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void scoresBothSubscalesAndTheWeightedTotal(String tenant) {
            ScoringResult result = score(tenant, answers(), null);
            assertScale(result, "security_risk", 81.0, "HIGH");
            assertScale(result, "institutional_adjustment", 36.0, "HIGH");
            // 81 + 1.5 * 36 = 135 -> [120, 180)
            assertScale(result, "total", 135.0, "HIGH");
            assertThat(result.overall()).isEqualTo(new OverallResult("HIGH", null, "HIGH", null, true, null));
            assertThat(result.missingRequired()).isEmpty();
        }

        /**
         * contraband (0) and programme_engagement (3) missing: IA = (36 - 3) * 13 / 11 = 39 -> HIGH, prorated.
         * outstanding_charges (0) missing: 1 allowed, NOT_SCORABLE counts it as 0, SR stays 81. Total 81 + 1.5 * 39 =
         * 139.5 -> HIGH. A MEDIUM judgement differs from HIGH, so it needs a rationale.
         */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void proratesMissingItemsAndRequiresARationaleForADifferentJudgement(String tenant) {
            Map<String, Object> answers = answers();
            answers.remove("contraband");
            answers.remove("programme_engagement");
            answers.remove("outstanding_charges");
            String medium = medium(tenant);

            ScoringResult withoutRationale = score(tenant, answers, new Judgement(medium, " "));
            assertScale(withoutRationale, "institutional_adjustment", 39.0, "HIGH");
            assertThat(scale(withoutRationale, "institutional_adjustment").prorated())
                    .isTrue();
            assertThat(scale(withoutRationale, "institutional_adjustment").missingItems())
                    .containsExactly("contraband", "programme_engagement");
            assertScale(withoutRationale, "security_risk", 81.0, "HIGH");
            assertThat(scale(withoutRationale, "security_risk").prorated()).isFalse();
            assertThat(scale(withoutRationale, "security_risk").missingItems()).containsExactly("outstanding_charges");
            assertScale(withoutRationale, "total", 139.5, "HIGH");
            assertThat(withoutRationale.overall().computedLevel()).isEqualTo("HIGH");
            assertThat(withoutRationale.overall().level()).isEqualTo(medium);
            assertThat(withoutRationale.overall().complete()).isFalse();
            assertThat(withoutRationale.overall().reason()).contains("rationale");

            ScoringResult withRationale = score(
                    tenant,
                    answers,
                    new Judgement(medium, "Violence was a single incident two years ago; stable since."));
            assertThat(withRationale.overall().level()).isEqualTo(medium);
            assertThat(withRationale.overall().complete()).isTrue();
        }

        /**
         * persistent_violator +10, criminal_subculture leader 20 instead of 6 (+14), pressure_on_others +8: IA = 36 +
         * 32 = 68 -> VERY_HIGH. sentence_years and prior_convictions missing: 2 > 1, SR not scorable, so neither is
         * the total. The overall formula still gives VERY_HIGH: its first operand is true, and CEL's || absorbs the
         * error of the missing levels.security_risk.
         */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void aVeryHighSubscaleRatesVeryHighEvenWhenTheOtherIsNotScorable(String tenant) {
            Map<String, Object> answers = answers();
            answers.put("persistent_violator", true);
            answers.put("criminal_subculture", "leader");
            answers.put("pressure_on_others", true);
            answers.remove("sentence_years");
            answers.remove("prior_convictions");
            ScoringResult result = score(tenant, answers, null);
            assertScale(result, "institutional_adjustment", 68.0, "VERY_HIGH");
            assertNotScorable(result, "security_risk", "sentence_years", "prior_convictions");
            assertNotScorable(result, "total", "security_risk");
            assertThat(result.overall().computedLevel()).isEqualTo("VERY_HIGH");
            assertThat(result.overall().complete()).isTrue();
            assertThat(result.missingRequired()).containsExactly("sentence_years", "prior_convictions");
        }

        /**
         * SR not scorable as above, IA 36 (HIGH): the formula needs the total, so there is no computed rating. No
         * previous prison term: release_revoked does not apply, so its absence is neither missing nor counted (SR's
         * missing items are only the two removed).
         */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void withoutTheTotalThereIsNoComputedRating(String tenant) {
            Map<String, Object> answers = answers();
            answers.remove("sentence_years");
            answers.remove("prior_convictions");
            answers.put("prior_prison", false);
            answers.remove("release_revoked");
            ScoringResult result = score(tenant, answers, null);
            assertThat(item(result, "release_revoked").applicable()).isFalse();
            assertNotScorable(result, "security_risk", "sentence_years", "prior_convictions");
            assertThat(result.overall().computedLevel()).isNull();
            assertThat(result.overall().complete()).isFalse();
            assertThat(result.overall().reason()).contains("not scorable");
            assertThat(result.missingRequired()).containsExactly("sentence_years", "prior_convictions");
        }
    }

    /**
     * {@code needs-inventory.json}: seven domain scales (SUM, need: true), a total need index in percent, and the overall
     * rating HIGH when the index is HIGH or three or more domains are HIGH, else the index's level.
     */
    @Nested
    class NeedsInventory {

        /**
         * education: edu_level incomplete_secondary 2 + literacy no 0 + numeracy yes 1 + learning no 0 + edu_interest
         * unsure 1 = 4 -> [2,5) MEDIUM. employment: employed no 2 + work_history irregular 1 + vocational_skills no 1 +
         * debt yes 1 + job_prospects possible 1 = 6 -> [4,) HIGH. substance_use: alcohol some 1 + drug_use yes 1 +
         * injecting no 0 + dependence yes 2 + linked yes 2 = 6 -> [5,) HIGH. mental_health: diagnosis no 0
         * (mh_untreated does not apply) + distress some 1 + self_harm never 0 + head_injury no 0 = 1 -> LOW. family:
         * relationship serious 2 + contact yes 0 + violence no 0 + offending yes 2 + dependants no 0 = 4 -> MEDIUM.
         * peers: criminal_friends most 2 + extremist yes 2 + prosocial no 1 + isolation no 0 + easily_led yes 1 = 6 ->
         * [4,) HIGH. attitudes: procriminal some 1 + responsibility partly 1 + hostility serious 2 + victim_awareness
         * yes 0 + motivation ambivalent 1 + impulsivity yes 1 + extremist_sympathy yes 2 = 8 -> [6,) HIGH.
         */
        private static Map<String, Object> answers() {
            Map<String, Object> a = new HashMap<>();
            a.put("edu_level", "incomplete_secondary");
            a.put("literacy_problem", false);
            a.put("numeracy_problem", true);
            a.put("learning_difficulty", false);
            a.put("edu_interest", "unsure");
            a.put("employed_before_arrest", false);
            a.put("work_history", "irregular");
            a.put("vocational_skills", false);
            a.put("debt_problem", true);
            a.put("job_prospects", "possible");
            a.put("alcohol_misuse", "some");
            a.put("drug_use", true);
            a.put("drug_injecting", false);
            a.put("drug_dependence", true);
            a.put("substance_linked_offending", true);
            a.put("mh_diagnosis", false);
            a.put("emotional_distress", "some");
            a.put("self_harm", "never");
            a.put("head_injury", false);
            a.put("relationship_problems", "serious");
            a.put("family_contact", true);
            a.put("family_violence", false);
            a.put("family_offending", true);
            a.put("dependants_without_care", false);
            a.put("criminal_friends", "most");
            a.put("extremist_associates", true);
            a.put("prosocial_support", false);
            a.put("social_isolation", false);
            a.put("easily_led", true);
            a.put("procriminal_attitudes", "some");
            a.put("responsibility", "partly");
            a.put("hostility_authority", "serious");
            a.put("victim_awareness", true);
            a.put("motivation_to_change", "ambivalent");
            a.put("impulsivity", true);
            a.put("extremist_sympathy", true);
            a.put("priority_need", "employment");
            a.put("accommodation_on_release", false);
            a.put("summary_notes", "Work and peers first; refer for substance misuse treatment.");
            return a;
        }

        private ScoringResult score(String tenant, Map<String, Object> answers) {
            CompiledInstrument instrument = SeedMethodology.compiled(tenant, "needs-inventory.json");
            assertThat(AnswerValidator.validate(instrument, answers)).isEmpty();
            return scorer.score(instrument, answers, null);
        }

        /** Index: (4/9 + 6/8 + 6/9 + 1/10 + 4/9 + 6/7 + 8/12) / 7 * 100 = 24755/441 = 56.13378... -> 56.1338, HIGH. */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void scoresEveryDomainAndTheNeedIndex(String tenant) {
            ScoringResult result = score(tenant, answers());
            String medium = medium(tenant);
            assertScale(result, "education", 4.0, medium);
            assertScale(result, "employment", 6.0, "HIGH");
            assertScale(result, "substance_use", 6.0, "HIGH");
            assertScale(result, "mental_health", 1.0, "LOW");
            assertScale(result, "family", 4.0, medium);
            assertScale(result, "peers", 6.0, "HIGH");
            assertScale(result, "attitudes", 8.0, "HIGH");
            assertScale(result, "total_need", 56.1338, "HIGH");
            assertThat(item(result, "mh_untreated").applicable()).isFalse();
            assertThat(item(result, "accommodation_on_release").score()).isEqualTo(2.0);
            assertThat(result.overall()).isEqualTo(new OverallResult("HIGH", null, "HIGH", null, true, null));
        }

        /**
         * literacy_problem (0) missing: education prorated to 4 * 5 / 4 = 5 -> HIGH. No drug use: injecting and
         * dependence do not apply, the link to offending does (alcohol is 'some'): substance_use = 1 + 0 + 2 = 3 ->
         * MEDIUM. mh_diagnosis and emotional_distress missing (mh_untreated does not apply without a diagnosis): 2
         * of 4 applicable items missing > 1, mental_health not scorable, nor is the index, nor the overall rating.
         */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void handlesMissingAndInapplicableItems(String tenant) {
            Map<String, Object> answers = answers();
            answers.remove("literacy_problem");
            answers.put("drug_use", false);
            answers.remove("drug_injecting");
            answers.remove("drug_dependence");
            answers.remove("mh_diagnosis");
            answers.remove("emotional_distress");
            ScoringResult result = score(tenant, answers);
            assertScale(result, "education", 5.0, "HIGH");
            assertThat(scale(result, "education").prorated()).isTrue();
            assertScale(result, "substance_use", 3.0, medium(tenant));
            assertThat(item(result, "drug_dependence").applicable()).isFalse();
            assertThat(item(result, "substance_linked_offending").applicable()).isTrue();
            assertNotScorable(result, "mental_health", "mh_diagnosis", "emotional_distress");
            assertNotScorable(result, "total_need", "mental_health");
            assertThat(result.overall().level()).isNull();
            assertThat(result.overall().complete()).isFalse();
            assertThat(result.missingRequired()).containsExactly("literacy_problem", "mh_diagnosis");
        }

        /**
         * employment 2 + 1 + 0 + 0 + 1 = 4 HIGH; substance_use 2 + 1 + 0 + 2 + 0 = 5 HIGH; peers 2 + 0 + 1 + 0 + 1 = 4
         * HIGH; every other domain 0 LOW. Index (4/8 + 5/9 + 4/7) / 7 * 100 = 10250/441 = 23.24263... -> 23.2426 LOW,
         * but three HIGH domains make the overall rating HIGH.
         */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void threeHighDomainsMakeTheOverallNeedHigh(String tenant) {
            Map<String, Object> a = new HashMap<>();
            a.put("edu_level", "higher_or_vocational");
            a.put("literacy_problem", false);
            a.put("numeracy_problem", false);
            a.put("learning_difficulty", false);
            a.put("edu_interest", "interested");
            a.put("employed_before_arrest", false);
            a.put("work_history", "irregular");
            a.put("vocational_skills", true);
            a.put("debt_problem", false);
            a.put("job_prospects", "possible");
            a.put("alcohol_misuse", "serious");
            a.put("drug_use", true);
            a.put("drug_injecting", false);
            a.put("drug_dependence", true);
            a.put("substance_linked_offending", false);
            a.put("mh_diagnosis", false);
            a.put("emotional_distress", "none");
            a.put("self_harm", "never");
            a.put("head_injury", false);
            a.put("relationship_problems", "none");
            a.put("family_contact", true);
            a.put("family_violence", false);
            a.put("family_offending", false);
            a.put("dependants_without_care", false);
            a.put("criminal_friends", "most");
            a.put("extremist_associates", false);
            a.put("prosocial_support", false);
            a.put("social_isolation", false);
            a.put("easily_led", true);
            a.put("procriminal_attitudes", "none");
            a.put("responsibility", "full");
            a.put("hostility_authority", "none");
            a.put("victim_awareness", true);
            a.put("motivation_to_change", "motivated");
            a.put("impulsivity", false);
            a.put("extremist_sympathy", false);
            ScoringResult result = score(tenant, a);
            assertScale(result, "employment", 4.0, "HIGH");
            assertScale(result, "substance_use", 5.0, "HIGH");
            assertScale(result, "peers", 4.0, "HIGH");
            assertScale(result, "education", 0.0, "LOW");
            assertScale(result, "attitudes", 0.0, "LOW");
            assertScale(result, "total_need", 23.2426, "LOW");
            assertThat(result.overall().computedLevel()).isEqualTo("HIGH");
            assertThat(result.overall().complete()).isTrue();
        }
    }

    /**
     * {@code ve-guide.json}: engagement (7 factors, at most 2 missing, PRORATE; cut-offs 4 / 8 / 11), intent (6, at
     * most 1 missing, NOT_SCORABLE; 3 / 6 / 9), capability (5, c_combat only after a conflict zone, at most 1 missing,
     * PRORATE; 3 / 5 / 7), protective (4, no bands). Factors score low 0, moderate 1, high 2. Kazakhstan: JUDGEMENT;
     * Kyrgyzstan: BOTH, proposing VERY_HIGH for very high intent or high intent with high capability, HIGH for high
     * intent or high engagement with high capability, MODERATE when any domain is above LOW, else LOW.
     */
    @Nested
    class VeGuide {

        /**
         * engagement 2 + 2 + 1 + 2 + 0 + 1 + 1 = 9 -> [8,11) HIGH. intent 1 + 1 + 0 + 0 + 1 + 2 = 5 -> [3,6) MEDIUM.
         * capability (conflict zone: yes) combat 1 + skills 1 + resources 0 + violence 2 + leadership 0 = 4 -> [3,5)
         * MEDIUM. protective 1 + 2 + 1 + 0 = 4, no level.
         */
        private static Map<String, Object> answers() {
            Map<String, Object> a = new HashMap<>();
            a.put("e_belonging", "high");
            a.put("e_grievance", "high");
            a.put("e_identification", "moderate");
            a.put("e_network", "high");
            a.put("e_status", "low");
            a.put("e_susceptibility", "moderate");
            a.put("e_crisis", "moderate");
            a.put("i_justification", "moderate");
            a.put("i_dehumanisation", "moderate");
            a.put("i_harmful_goals", "low");
            a.put("i_expressed_intent", "low");
            a.put("i_sacrifice", "moderate");
            a.put("i_influence", "high");
            a.put("c_conflict_zone", true);
            a.put("c_combat", "moderate");
            a.put("c_skills", "moderate");
            a.put("c_resources", "low");
            a.put("c_violence_history", "high");
            a.put("c_leadership", "low");
            a.put("p_rejects_violence", "partly");
            a.put("p_prosocial_ties", "clearly");
            a.put("p_programme", "partly");
            a.put("p_reflection", "absent");
            a.put("sources", List.of("case_file", "interview", "staff"));
            a.put("interview_declined", false);
            a.put("evidence_summary", "Travelled in 2015; shares material with two cell mates; family visits monthly.");
            return a;
        }

        /**
         * engagement: e_status and e_crisis missing, (2 + 2 + 1 + 2 + 1) * 7 / 5 = 11.2 -> VERY_HIGH, prorated.
         * intent: i_sacrifice and i_influence missing, 2 > 1, not scorable. capability: no conflict zone, so c_combat
         * does not apply: 2 + 1 + 2 + 1 = 6 -> [5,7) HIGH. protective: nothing answered, not scorable.
         */
        private static Map<String, Object> partialAnswers() {
            Map<String, Object> a = answers();
            a.remove("e_status");
            a.remove("e_crisis");
            a.remove("i_sacrifice");
            a.remove("i_influence");
            a.put("c_conflict_zone", false);
            a.remove("c_combat");
            a.put("c_skills", "high");
            a.put("c_resources", "moderate");
            a.put("c_violence_history", "high");
            a.put("c_leadership", "moderate");
            a.remove("p_rejects_violence");
            a.remove("p_prosocial_ties");
            a.remove("p_programme");
            a.remove("p_reflection");
            return a;
        }

        private ScoringResult score(String tenant, Map<String, Object> answers, Judgement judgement) {
            CompiledInstrument instrument = SeedMethodology.compiled(tenant, "ve-guide.json");
            assertThat(AnswerValidator.validate(instrument, answers)).isEmpty();
            return scorer.score(instrument, answers, judgement);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void scoresTheThreeDomainsAndTheProtectiveFactors(String tenant) {
            ScoringResult result = score(tenant, answers(), null);
            assertScale(result, "engagement", 9.0, "HIGH");
            assertScale(result, "intent", 5.0, medium(tenant));
            assertScale(result, "capability", 4.0, medium(tenant));
            assertScale(result, "protective", 4.0, null);
            assertThat(result.missingRequired()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"kz", "kg"})
        void handlesMissingFactorsAndAFactorThatDoesNotApply(String tenant) {
            ScoringResult result = score(tenant, partialAnswers(), null);
            assertScale(result, "engagement", 11.2, "VERY_HIGH");
            assertThat(scale(result, "engagement").prorated()).isTrue();
            assertThat(scale(result, "engagement").missingItems()).containsExactly("e_status", "e_crisis");
            assertNotScorable(result, "intent", "i_sacrifice", "i_influence");
            assertScale(result, "capability", 6.0, "HIGH");
            assertThat(item(result, "c_combat").applicable()).isFalse();
            assertNotScorable(
                    result, "protective", "p_rejects_violence", "p_prosocial_ties", "p_programme", "p_reflection");
            // every factor is required, including those a scale may do without
            assertThat(result.missingRequired()).containsExactly("e_status", "e_crisis", "i_sacrifice", "i_influence");
        }

        @Test
        void inKazakhstanTheRatingIsTheRatersJudgementWithItsRationale() {
            ScoringResult none = score("kz", answers(), null);
            assertThat(none.overall())
                    .isEqualTo(new OverallResult(null, null, null, null, false, "the rater's judgement is required"));

            ScoringResult withoutRationale = score("kz", answers(), new Judgement("HIGH", ""));
            assertThat(withoutRationale.overall().level()).isEqualTo("HIGH");
            assertThat(withoutRationale.overall().complete()).isFalse();
            assertThat(withoutRationale.overall().reason()).isEqualTo("the judgement needs a written rationale");

            String rationale = "Strong engagement and active influence on others in custody; capability limited.";
            ScoringResult withRationale = score("kz", answers(), new Judgement("HIGH", rationale));
            assertThat(withRationale.overall())
                    .isEqualTo(new OverallResult(null, "HIGH", "HIGH", rationale, true, null));

            // The judgement does not depend on the domains being scorable.
            ScoringResult partial = score("kz", partialAnswers(), new Judgement("VERY_HIGH", rationale));
            assertThat(partial.overall().level()).isEqualTo("VERY_HIGH");
            assertThat(partial.overall().complete()).isTrue();
        }

        /**
         * Intent MODERATE: not VERY_HIGH, not HIGH, and engagement HIGH comes with capability only MODERATE, so the
         * formula proposes MODERATE. Agreeing needs no rationale; departing does.
         */
        @Test
        void inKyrgyzstanTheFormulaProposesAndTheRaterMayDepartWithARationale() {
            ScoringResult proposed = score("kg", answers(), null);
            assertThat(proposed.overall()).isEqualTo(new OverallResult("MODERATE", null, "MODERATE", null, true, null));

            ScoringResult agreeing = score("kg", answers(), new Judgement("MODERATE", null));
            assertThat(agreeing.overall().complete()).isTrue();

            ScoringResult departing = score("kg", answers(), new Judgement("HIGH", null));
            assertThat(departing.overall().computedLevel()).isEqualTo("MODERATE");
            assertThat(departing.overall().level()).isEqualTo("HIGH");
            assertThat(departing.overall().complete()).isFalse();
            assertThat(departing.overall().reason()).contains("rationale");

            ScoringResult departingWithRationale = score(
                    "kg",
                    answers(),
                    new Judgement("HIGH", "Recruits actively in custody: influence outweighs the totals."));
            assertThat(departingWithRationale.overall().level()).isEqualTo("HIGH");
            assertThat(departingWithRationale.overall().complete()).isTrue();
        }

        /** Intent not scorable: the formula cannot propose, and any judgement differs from nothing, so needs reasons. */
        @Test
        void inKyrgyzstanWithoutIntentOnlyAReasonedJudgementCompletesTheRating() {
            ScoringResult none = score("kg", partialAnswers(), null);
            assertThat(none.overall().computedLevel()).isNull();
            assertThat(none.overall().complete()).isFalse();
            assertThat(none.overall().reason()).contains("not scorable");

            ScoringResult withoutRationale = score("kg", partialAnswers(), new Judgement("VERY_HIGH", null));
            assertThat(withoutRationale.overall().complete()).isFalse();

            ScoringResult withRationale =
                    score("kg", partialAnswers(), new Judgement("VERY_HIGH", "Engagement very high; intent unknown."));
            assertThat(withRationale.overall().level()).isEqualTo("VERY_HIGH");
            assertThat(withRationale.overall().complete()).isTrue();
        }
    }
}
