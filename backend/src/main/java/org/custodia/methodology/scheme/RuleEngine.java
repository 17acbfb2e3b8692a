package org.custodia.methodology.scheme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.methodology.expression.CompiledExpression;
import org.custodia.methodology.expression.ExpressionFailedException;
import org.custodia.methodology.scheme.SchemeDefinition.Category;
import org.custodia.methodology.scheme.SchemeDefinition.Constraint;
import org.custodia.methodology.scheme.SchemeDefinition.Rule;

/**
 * Proposes a category by trying the rules in order, and checks a decision against the legal constraints. Every rule
 * tried is traced, so a proposal can be explained to the prisoner, a supervisor or a court.
 */
public final class RuleEngine {

    /** One rule tried: whether it matched, or the error that stopped it (an error never matches). */
    public record RuleOutcome(
            String rule, String category, boolean matched, Map<String, String> reason, String error) {}

    /** The proposed category (null when no rule matched) and the trace of every rule tried until then. */
    public record Proposal(String category, List<RuleOutcome> trace) {}

    /** A constraint a decision breaks, with the constraint's own message. */
    public record Violation(String constraint, Map<String, String> message, String error) {}

    Proposal propose(CompiledScheme scheme, ClassificationFacts facts) {
        Map<String, Object> variables = variables(scheme.categories(), facts);
        List<RuleOutcome> trace = new ArrayList<>();
        for (int r = 0; r < scheme.rules().size(); r++) {
            Rule rule = scheme.definition().rules().get(r);
            try {
                boolean matched = Boolean.TRUE.equals(scheme.rules().get(r).evaluate(variables));
                trace.add(new RuleOutcome(rule.code(), rule.category(), matched, rule.reason(), null));
                if (matched) {
                    return new Proposal(rule.category(), trace);
                }
            } catch (ExpressionFailedException e) {
                trace.add(new RuleOutcome(rule.code(), rule.category(), false, rule.reason(), e.getMessage()));
            }
        }
        return new Proposal(null, trace);
    }

    /** The constraints a decision for {@code category} breaks, given what the rules proposed. */
    List<Violation> violations(
            CompiledScheme scheme, ClassificationFacts facts, String category, String proposedCategory) {
        Map<String, Object> variables = new HashMap<>(variables(scheme.categories(), facts));
        variables.put("category", describe(scheme.categories().get(category)));
        variables.put("proposed", describe(scheme.categories().get(proposedCategory)));
        List<Violation> violations = new ArrayList<>();
        for (int c = 0; c < scheme.constraints().size(); c++) {
            Constraint constraint = scheme.definition().constraints().get(c);
            CompiledExpression expression = scheme.constraints().get(c);
            try {
                if (!Boolean.TRUE.equals(expression.evaluate(variables))) {
                    violations.add(new Violation(constraint.code(), constraint.message(), null));
                }
            } catch (ExpressionFailedException e) {
                // A constraint that cannot be evaluated does not let the decision through.
                violations.add(new Violation(constraint.code(), constraint.message(), e.getMessage()));
            }
        }
        return violations;
    }

    private static Map<String, Object> describe(Category category) {
        if (category == null) {
            return Map.of("code", "", "severityRank", 0L, "courtOrdered", false);
        }
        return Map.of(
                "code",
                category.code(),
                "severityRank",
                (long) category.severityRank(),
                "courtOrdered",
                category.courtOrdered());
    }

    /**
     * The facts as the CEL variables of {@code ExpressionEnvironment.CLASSIFICATION_RULE}; programme eligibility sees
     * the same variables. {@code categories} (the scheme's, by code) give the court-ordered regime its rank.
     */
    public static Map<String, Object> variables(Map<String, Category> categories, ClassificationFacts facts) {
        Category courtRegime = facts.sentence().courtRegime() == null
                ? null
                : categories.get(facts.sentence().courtRegime());
        Map<String, Object> sentence = Map.of(
                "lengthMonths",
                (long) facts.sentence().lengthMonths(),
                "remainingMonths",
                (long) facts.sentence().remainingMonths(),
                "life",
                Boolean.TRUE.equals(facts.sentence().life()),
                "courtRegime",
                courtRegime == null ? "" : courtRegime.code(),
                "courtRegimeRank",
                courtRegime == null ? 0L : (long) courtRegime.severityRank());
        Map<String, Object> assessments = new HashMap<>();
        facts.assessments()
                .forEach((instrument, results) -> assessments.put(
                        instrument,
                        Map.of(
                                "overall", results.overall() == null ? "" : results.overall(),
                                "levels", results.levels() == null ? Map.of() : results.levels(),
                                "scales", results.scales() == null ? Map.of() : results.scales())));
        return Map.of(
                "prisoner",
                Map.of(
                        "age",
                        (long) facts.prisoner().age(),
                        "sex",
                        facts.prisoner().sex()),
                "sentence",
                sentence,
                "offences",
                facts.offences().stream()
                        .map(o -> Map.of("code", o.code(), "gravity", o.gravity()))
                        .toList(),
                "flags",
                facts.flags(),
                "assessments",
                assessments);
    }
}
