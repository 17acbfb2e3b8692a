package org.custodia.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.custodia.methodology.instrument.InstrumentDefinition;
import org.custodia.methodology.instrument.InstrumentDefinition.Item;
import org.custodia.methodology.instrument.InstrumentDefinition.ItemType;
import org.custodia.methodology.instrument.InstrumentDefinition.Scale;
import org.custodia.methodology.instrument.InstrumentDefinition.ScaleMethod;
import org.custodia.methodology.instrument.InstrumentDefinition.Section;
import org.custodia.methodology.instrument.ScoringResult;
import org.custodia.methodology.instrument.ScoringResult.ItemResult;
import org.custodia.methodology.instrument.ScoringResult.ScaleResult;
import org.junit.jupiter.api.Test;

class ApprovedNeedsTest {

    private static Item item(String code, boolean need) {
        return new Item(code, ItemType.YES_NO, Map.of("en", code), null, false, null, null, null, 2.0, 0.0, need);
    }

    private static Scale scale(String code, boolean need) {
        return new Scale(code, Map.of("en", code), ScaleMethod.SUM, List.of(), null, null, null, need);
    }

    private static ScaleResult scored(String code, Double score) {
        return new ScaleResult(code, score, score != null, List.of(), false, null);
    }

    private static final InstrumentDefinition DEFINITION = new InstrumentDefinition(
            List.of(new Section(
                    "s",
                    Map.of("en", "s"),
                    List.of(
                            item("literacy", true),
                            item("hidden", true),
                            item("age_band", false),
                            item("debts", true)))),
            List.of(
                    scale("protective", false),
                    scale("family", true),
                    scale("education", true),
                    scale("employment", true),
                    scale("peers", true)),
            null);

    @Test
    void needsAreScalesAndItemsMarkedAsNeedsThatScoredAboveZeroScalesFirstInTheInstrumentsOrder() {
        ScoringResult result = new ScoringResult(
                List.of(
                        new ItemResult("debts", true, true, 2.0),
                        new ItemResult("literacy", true, true, 2.0),
                        new ItemResult("hidden", false, false, null),
                        new ItemResult("age_band", true, true, 2.0)),
                List.of(
                        scored("education", 4.0),
                        scored("family", 1.5),
                        scored("employment", 0.0),
                        scored("peers", null),
                        scored("protective", 3.0)),
                List.of(),
                null);

        assertThat(ApprovedNeeds.needs(DEFINITION, result)).containsExactly("family", "education", "literacy", "debts");
    }

    @Test
    void anAssessmentWithoutScoresFindsNoNeed() {
        assertThat(ApprovedNeeds.needs(DEFINITION, new ScoringResult(List.of(), List.of(), List.of(), null)))
                .isEmpty();
    }
}
