package org.custodia.methodology.instrument;

import java.util.List;

/**
 * Everything scoring found, so a rating can be explained: each item's applicability and score, each scale's score,
 * band and missing items, and how the overall rating was reached.
 */
public record ScoringResult(
        List<ItemResult> items, List<ScaleResult> scales, List<String> missingRequired, OverallResult overall) {

    /** @param applicable false when the item's condition is false: it is then neither asked nor counted */
    public record ItemResult(String code, boolean applicable, boolean answered, Double score) {}

    /** @param score null when the scale is not scorable */
    public record ScaleResult(
            String code, Double score, boolean scorable, List<String> missingItems, boolean prorated, String level) {}

    /**
     * @param computedLevel what the formula gives (FORMULA, BOTH), else null
     * @param judgedLevel what the rater judged (JUDGEMENT, BOTH), else null
     * @param level the rating: the judgement when there is one, else the formula's
     * @param complete false while a judgement, its rationale or a scale the formula needs is missing
     */
    public record OverallResult(
            String computedLevel,
            String judgedLevel,
            String level,
            String rationale,
            boolean complete,
            String reason) {}
}
