package org.custodia.methodology.instrument;

import java.util.List;
import java.util.Map;

/**
 * The definition document of one instrument version, stored as JSON and exchanged as such between countries. Its
 * schema is documented in {@code docs/instrument-schema.md}. Everything a tenant writes is validated by {@link
 * DefinitionValidator} before publishing.
 */
public record InstrumentDefinition(List<Section> sections, List<Scale> scales, Overall overall) {

    public InstrumentDefinition {
        sections = sections == null ? List.of() : sections;
        scales = scales == null ? List.of() : scales;
    }

    public record Section(String code, Map<String, String> title, List<Item> items) {
        public Section {
            items = items == null ? List.of() : items;
        }
    }

    public enum ItemType {
        SINGLE_CHOICE,
        MULTI_CHOICE,
        YES_NO,
        NUMBER,
        DATE,
        TEXT;

        boolean scored() {
            return this != DATE && this != TEXT;
        }
    }

    /**
     * One question.
     *
     * @param condition optional CEL over {@code answers}: the item applies only when it is true
     * @param options for SINGLE_CHOICE and MULTI_CHOICE, each with its score
     * @param scoreBands for NUMBER: the score of a value in {@code [from, to)}
     * @param yesScore for YES_NO, default 1
     * @param noScore for YES_NO, default 0
     * @param need marks an item whose positive score signals a criminogenic need (used for sentence plans)
     */
    public record Item(
            String code,
            ItemType type,
            Map<String, String> label,
            Map<String, String> guidance,
            Boolean required,
            String condition,
            List<Option> options,
            List<ScoreBand> scoreBands,
            Double yesScore,
            Double noScore,
            Boolean need) {

        public Item {
            required = Boolean.TRUE.equals(required);
            need = Boolean.TRUE.equals(need);
            options = options == null ? List.of() : options;
            scoreBands = scoreBands == null ? List.of() : scoreBands;
        }

        double yes() {
            return yesScore == null ? 1 : yesScore;
        }

        double no() {
            return noScore == null ? 0 : noScore;
        }
    }

    public record Option(String code, Map<String, String> label, double score) {}

    /** A numeric range {@code [from, to)}; a missing bound is open. */
    public record ScoreBand(Double from, Double to, double score) {
        boolean contains(double value) {
            return (from == null || value >= from) && (to == null || value < to);
        }
    }

    public enum ScaleMethod {
        /** The sum of the scores of the scale's items. */
        SUM,
        /** A CEL formula over answers, item scores and other scales. */
        FORMULA
    }

    public enum MissingPolicy {
        /** More than {@code maxMissing} items unanswered: the scale has no score. */
        NOT_SCORABLE,
        /** Up to {@code maxMissing} unanswered items are replaced by the mean of the answered ones. */
        PRORATE
    }

    public record Missing(int maxMissing, MissingPolicy policy) {
        static final Missing NONE_ALLOWED = new Missing(0, MissingPolicy.NOT_SCORABLE);
    }

    public record Scale(
            String code,
            Map<String, String> name,
            ScaleMethod method,
            List<String> items,
            String formula,
            Missing missing,
            List<Band> bands,
            Boolean need) {

        public Scale {
            need = Boolean.TRUE.equals(need);
            items = items == null ? List.of() : items;
            bands = bands == null ? List.of() : bands;
            missing = missing == null ? Missing.NONE_ALLOWED : missing;
        }
    }

    /** Scores in {@code [from, to)} fall in the tenant risk level {@code level}; a missing bound is open. */
    public record Band(Double from, Double to, String level) {
        boolean contains(double value) {
            return (from == null || value >= from) && (to == null || value < to);
        }
    }

    public enum OverallMode {
        /** A CEL formula gives the rating. */
        FORMULA,
        /** The rater judges (structured professional judgement) and writes a rationale. */
        JUDGEMENT,
        /** The formula proposes, the rater may judge otherwise with a rationale. */
        BOTH
    }

    /** @param formula CEL over {@code scales} and {@code levels}, returning a risk level code */
    public record Overall(OverallMode mode, String formula) {}
}
