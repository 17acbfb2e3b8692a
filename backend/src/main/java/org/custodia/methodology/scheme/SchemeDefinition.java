package org.custodia.methodology.scheme;

import java.util.List;
import java.util.Map;

/**
 * A country's classification scheme, one versioned document: its legal categories, the ordered rules that propose
 * one, and the legal constraints no decision may break. Documented in {@code docs/methodology-guide.md}.
 */
public record SchemeDefinition(List<Category> categories, List<Rule> rules, List<Constraint> constraints) {

    public SchemeDefinition {
        categories = categories == null ? List.of() : categories;
        rules = rules == null ? List.of() : rules;
        constraints = constraints == null ? List.of() : constraints;
    }

    /**
     * A legal category (a regime or type of institution).
     *
     * @param severityRank higher is more restrictive; unique within the scheme
     * @param legalBasis the article it rests on
     * @param courtOrdered whether a court decides it (then it is the sentence's court-ordered regime)
     */
    public record Category(
            String code,
            Map<String, String> name,
            Integer severityRank,
            String legalBasis,
            Integer reviewIntervalMonths,
            Boolean courtOrdered) {

        public Category {
            courtOrdered = Boolean.TRUE.equals(courtOrdered);
        }
    }

    /** When {@code when} holds, propose {@code category}, for {@code reason}. The first matching rule wins. */
    public record Rule(String code, String when, String category, Map<String, String> reason) {}

    /** A decision for a category is allowed only when {@code expression} is true; else {@code message} says why. */
    public record Constraint(String code, String expression, Map<String, String> message) {}
}
