package org.custodia.methodology.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.methodology.instrument.ScoringResult.ScaleResult;
import org.junit.jupiter.api.Test;

/** Hand-computed cases for {@code custody-rating.json}. */
class ScorerTest {

    private final CompiledInstrument instrument = InstrumentFixtures.compiled("custody-rating.json");
    private final Scorer scorer = new Scorer();

    private static Map<String, Object> fullAnswers() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("prior_escapes", "one"); // 10
        answers.put("violent_incidents", 2); // 5
        answers.put("weapon_used", true); // 6
        answers.put("weapon_type", List.of("blade", "firearm")); // 2 + 4
        answers.put("age", 23); // 6
        answers.put("family_contact", false); // 3
        answers.put("employment", true); // 0
        return answers;
    }

    private static ScaleResult scale(ScoringResult result, String code) {
        return result.scales().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void sumsScalesBandsThemAndAppliesTheFormula() {
        ScoringResult result = scorer.score(instrument, fullAnswers(), null);
        assertThat(scale(result, "security").score()).isEqualTo(27.0);
        assertThat(scale(result, "security").level()).isEqualTo("HIGH");
        assertThat(scale(result, "adjustment").score()).isEqualTo(9.0);
        assertThat(scale(result, "adjustment").level()).isEqualTo("MEDIUM");
        // 27 + 9 / 2
        assertThat(scale(result, "total").score()).isEqualTo(31.5);
        assertThat(scale(result, "total").level()).isEqualTo("HIGH");
        assertThat(result.overall().computedLevel()).isEqualTo("HIGH");
        assertThat(result.overall().level()).isEqualTo("HIGH");
        assertThat(result.overall().complete()).isTrue();
        assertThat(result.missingRequired()).isEmpty();
    }

    @Test
    void anItemWhoseConditionIsFalseIsNeitherAskedNorCounted() {
        Map<String, Object> answers = fullAnswers();
        answers.put("weapon_used", false);
        answers.remove("weapon_type");
        ScoringResult result = scorer.score(instrument, answers, null);
        // 10 + 5 + 0, weapon_type not applicable so not missing
        assertThat(scale(result, "security").score()).isEqualTo(15.0);
        assertThat(scale(result, "security").missingItems()).isEmpty();
        assertThat(result.items().stream().filter(i -> i.code().equals("weapon_type")))
                .singleElement()
                .satisfies(item -> assertThat(item.applicable()).isFalse());
        assertThat(result.missingRequired()).isEmpty();
    }

    @Test
    void proratesUpToTheAllowedNumberOfMissingItems() {
        Map<String, Object> answers = fullAnswers();
        answers.remove("family_contact");
        ScoringResult result = scorer.score(instrument, answers, null);
        // (6 + 0) * 3 / 2
        assertThat(scale(result, "adjustment").score()).isEqualTo(9.0);
        assertThat(scale(result, "adjustment").prorated()).isTrue();
        assertThat(scale(result, "adjustment").missingItems()).containsExactly("family_contact");
    }

    @Test
    void aScaleWithTooManyMissingItemsIsNotScorableAndNeitherIsWhatUsesIt() {
        Map<String, Object> answers = fullAnswers();
        answers.remove("violent_incidents");
        ScoringResult result = scorer.score(instrument, answers, null);
        assertThat(scale(result, "security").scorable()).isFalse();
        assertThat(scale(result, "security").score()).isNull();
        assertThat(scale(result, "security").missingItems()).containsExactly("violent_incidents");
        assertThat(scale(result, "total").scorable()).isFalse();
        assertThat(result.missingRequired()).containsExactly("violent_incidents");
        assertThat(result.overall().complete()).isFalse();
    }

    @Test
    void aJudgementThatDiffersFromTheFormulaNeedsARationale() {
        ScoringResult withoutReason = scorer.score(instrument, fullAnswers(), new Judgement("MEDIUM", " "));
        assertThat(withoutReason.overall().level()).isEqualTo("MEDIUM");
        assertThat(withoutReason.overall().complete()).isFalse();
        assertThat(withoutReason.overall().reason()).contains("rationale");

        ScoringResult withReason = scorer.score(
                instrument, fullAnswers(), new Judgement("MEDIUM", "Escape was 4 years ago, stable since."));
        assertThat(withReason.overall().computedLevel()).isEqualTo("HIGH");
        assertThat(withReason.overall().level()).isEqualTo("MEDIUM");
        assertThat(withReason.overall().complete()).isTrue();
    }

    @Test
    void numberScoreBandsUseHalfOpenRanges() {
        Map<String, Object> answers = fullAnswers();
        answers.put("violent_incidents", 3); // [3, inf) -> 12
        answers.put("age", 25); // [25, 40) -> 3
        ScoringResult result = scorer.score(instrument, answers, null);
        assertThat(scale(result, "security").score()).isEqualTo(34.0);
        assertThat(scale(result, "adjustment").score()).isEqualTo(6.0);
    }
}
