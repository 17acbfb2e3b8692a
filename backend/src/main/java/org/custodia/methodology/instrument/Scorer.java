package org.custodia.methodology.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.methodology.expression.CompiledExpression;
import org.custodia.methodology.expression.ExpressionFailedException;
import org.custodia.methodology.instrument.InstrumentDefinition.Band;
import org.custodia.methodology.instrument.InstrumentDefinition.Item;
import org.custodia.methodology.instrument.InstrumentDefinition.MissingPolicy;
import org.custodia.methodology.instrument.InstrumentDefinition.OverallMode;
import org.custodia.methodology.instrument.InstrumentDefinition.Scale;
import org.custodia.methodology.instrument.InstrumentDefinition.ScaleMethod;
import org.custodia.methodology.instrument.ScoringResult.ItemResult;
import org.custodia.methodology.instrument.ScoringResult.OverallResult;
import org.custodia.methodology.instrument.ScoringResult.ScaleResult;

/**
 * Scores answers against a compiled instrument. Pure and deterministic: the same definition and answers always give
 * the same result, which is what lets a rating be re-explained years later. Answers must have passed {@link
 * AnswerValidator}.
 */
final class Scorer {

    ScoringResult score(CompiledInstrument instrument, Map<String, Object> answers, Judgement judgement) {
        Map<String, Object> celAnswers = AnswerValidator.forExpressions(answers);
        Map<String, ItemResult> items =
                new LinkedHashMap<>(capacity(instrument.items().size()));
        Map<String, Double> itemScores =
                new HashMap<>(capacity(instrument.items().size()));
        List<String> missingRequired = new ArrayList<>();
        // Conditions are evaluated so that an item's condition sees only answers of items that apply: the answer
        // to an item that does not apply (left over from an earlier answer) is dropped before anything reads it.
        Map<String, Boolean> applies = new HashMap<>(capacity(instrument.items().size()));
        for (String code : instrument.conditionOrder()) {
            boolean applicable = applies(instrument.conditions().get(code), celAnswers);
            applies.put(code, applicable);
            if (!applicable) {
                celAnswers.remove(code);
            }
        }
        for (Item item : instrument.items().values()) {
            boolean applicable = applies.get(item.code());
            boolean answered = answers.containsKey(item.code());
            Double score = applicable && answered ? itemScore(item, answers.get(item.code())) : null;
            if (score != null) {
                itemScores.put(item.code(), score);
            }
            if (applicable && !answered && item.required()) {
                missingRequired.add(item.code());
            }
            items.put(item.code(), new ItemResult(item.code(), applicable, answered, score));
        }

        int scaleCount = instrument.scalesInOrder().size();
        Map<String, ScaleResult> scales = new HashMap<>(capacity(scaleCount));
        Map<String, Double> scaleScores = new HashMap<>(capacity(scaleCount));
        Map<String, String> scaleLevels = new HashMap<>(capacity(scaleCount));
        for (Scale scale : instrument.scalesInOrder()) {
            ScaleResult result = scale.method() == ScaleMethod.SUM
                    ? sum(scale, items)
                    : formula(scale, instrument.scaleFormulas().get(scale.code()), celAnswers, itemScores, scaleScores);
            scales.put(scale.code(), result);
            if (result.scorable()) {
                scaleScores.put(scale.code(), result.score());
                if (result.level() != null) {
                    scaleLevels.put(scale.code(), result.level());
                }
            }
        }
        List<ScaleResult> inDefinitionOrder = instrument.definition().scales().stream()
                .map(scale -> scales.get(scale.code()))
                .toList();
        return new ScoringResult(
                List.copyOf(items.values()),
                inDefinitionOrder,
                missingRequired,
                overall(instrument, scaleScores, scaleLevels, judgement));
    }

    /**
     * Whether an item with this condition applies to these answers (already {@link AnswerValidator#forExpressions
     * converted}); the browser evaluates conditions the same way offline, and ConditionVectorsTest holds both to it.
     */
    static boolean applies(CompiledExpression condition, Map<String, Object> answers) {
        if (condition == null) {
            return true;
        }
        try {
            return Boolean.TRUE.equals(condition.evaluate(Map.of("answers", answers)));
        } catch (ExpressionFailedException e) {
            // A condition on an unanswered item cannot be true yet: the item is not relevant (yet).
            return false;
        }
    }

    private static Double itemScore(Item item, Object answer) {
        return switch (item.type()) {
            case YES_NO -> Boolean.TRUE.equals(answer) ? item.yes() : item.no();
            case SINGLE_CHOICE -> optionScore(item, (String) answer);
            case MULTI_CHOICE ->
                ((List<?>) answer)
                        .stream()
                                .mapToDouble(code -> optionScore(item, (String) code))
                                .sum();
            case NUMBER -> numberScore(item, ((Number) answer).doubleValue());
            case DATE, TEXT -> null;
        };
    }

    // Plain loops on the per-item path: streams cost more than the lookups they do here.

    private static Double numberScore(Item item, double value) {
        for (InstrumentDefinition.ScoreBand band : item.scoreBands()) {
            if (band.contains(value)) {
                return band.score();
            }
        }
        return null;
    }

    private static double optionScore(Item item, String code) {
        for (InstrumentDefinition.Option option : item.options()) {
            if (option.code().equals(code)) {
                return option.score();
            }
        }
        return 0;
    }

    /** A HashMap capacity that holds {@code entries} without resizing. */
    static int capacity(int entries) {
        return (int) (entries / 0.75f) + 1;
    }

    private static ScaleResult sum(Scale scale, Map<String, ItemResult> items) {
        double total = 0;
        int applicable = 0;
        List<String> missing = new ArrayList<>();
        for (String code : scale.items()) {
            ItemResult item = items.get(code);
            if (!item.applicable()) {
                continue;
            }
            applicable++;
            if (item.score() == null) {
                missing.add(code);
            } else {
                total += item.score();
            }
        }
        if (missing.size() > scale.missing().maxMissing() || (applicable > 0 && missing.size() == applicable)) {
            return new ScaleResult(scale.code(), null, false, missing, false, null);
        }
        boolean prorate = scale.missing().policy() == MissingPolicy.PRORATE && !missing.isEmpty();
        double score = prorate ? total * applicable / (applicable - missing.size()) : total;
        return scored(scale, score, missing, prorate);
    }

    private static ScaleResult formula(
            Scale scale,
            CompiledExpression formula,
            Map<String, Object> answers,
            Map<String, Double> itemScores,
            Map<String, Double> scaleScores) {
        List<String> missingScales = formula.keysOf("scales").stream()
                .filter(code -> !scaleScores.containsKey(code))
                .toList();
        if (!missingScales.isEmpty()) {
            return new ScaleResult(scale.code(), null, false, missingScales, false, null);
        }
        try {
            Object value = formula.evaluate(Map.of("answers", answers, "scores", itemScores, "scales", scaleScores));
            return scored(scale, ((Number) value).doubleValue(), List.of(), false);
        } catch (ExpressionFailedException e) {
            return new ScaleResult(scale.code(), null, false, formula.keysOf("scores"), false, null);
        }
    }

    private static ScaleResult scored(Scale scale, double score, List<String> missing, boolean prorated) {
        if (!Double.isFinite(score)) {
            // A formula dividing by zero gives an infinite or undefined score: that is no score at all.
            return new ScaleResult(scale.code(), null, false, missing, false, null);
        }
        double rounded =
                BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP).doubleValue();
        String level = null;
        for (Band band : scale.bands()) {
            if (band.contains(rounded)) {
                level = band.level();
                break;
            }
        }
        return new ScaleResult(scale.code(), rounded, true, missing, prorated, level);
    }

    private static OverallResult overall(
            CompiledInstrument instrument,
            Map<String, Double> scaleScores,
            Map<String, String> scaleLevels,
            Judgement judgement) {
        OverallMode mode = instrument.definition().overall().mode();
        String computed = null;
        String reason = null;
        if (mode != OverallMode.JUDGEMENT) {
            CompiledExpression formula = instrument.overallFormula();
            try {
                computed = (String) formula.evaluate(Map.of("scales", scaleScores, "levels", scaleLevels));
                if (!instrument.riskLevels().contains(computed)) {
                    reason = "the overall formula gave '" + computed + "', which is not a risk level";
                    computed = null;
                }
            } catch (ExpressionFailedException e) {
                reason = "the overall formula needs scales that are not scorable: " + e.getMessage();
            }
        }
        String judged = judgement == null ? null : judgement.level();
        String rationale = judgement == null ? null : judgement.rationale();
        boolean rationaleGiven = judgement != null && judgement.hasRationale();
        return switch (mode) {
            case FORMULA -> new OverallResult(computed, null, computed, null, computed != null, reason);
            case JUDGEMENT ->
                new OverallResult(
                        null,
                        judged,
                        judged,
                        rationale,
                        judged != null && rationaleGiven,
                        judged == null
                                ? "the rater's judgement is required"
                                : rationaleGiven ? null : "the judgement needs a written rationale");
            case BOTH -> {
                String level = judged != null ? judged : computed;
                boolean differs = judged != null && !judged.equals(computed);
                boolean complete = level != null && (!differs || rationaleGiven);
                yield new OverallResult(
                        computed,
                        judged,
                        level,
                        rationale,
                        complete,
                        complete
                                ? null
                                : differs ? "a judgement that differs from the formula needs a rationale" : reason);
            }
        };
    }
}
