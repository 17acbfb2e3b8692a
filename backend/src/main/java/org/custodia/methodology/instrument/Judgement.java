package org.custodia.methodology.instrument;

/** A rater's structured professional judgement: one of the tenant's risk levels and the reasons for it. */
public record Judgement(String level, String rationale) {

    boolean hasRationale() {
        return rationale != null && !rationale.isBlank();
    }
}
