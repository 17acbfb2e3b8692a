package org.custodia.methodology.scheme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodia.methodology.DefinitionErrors;
import org.custodia.methodology.expression.CompiledExpression;
import org.custodia.methodology.expression.ExpressionEnvironment;
import org.custodia.methodology.expression.Expressions;
import org.custodia.methodology.scheme.SchemeDefinition.Category;
import org.custodia.methodology.scheme.SchemeDefinition.Constraint;
import org.custodia.methodology.scheme.SchemeDefinition.Rule;
import org.custodia.shared.error.FieldError;

/** Checks and compiles a classification scheme, naming every problem by its JSON path. */
final class SchemeValidator {

    private final Expressions expressions;

    SchemeValidator(Expressions expressions) {
        this.expressions = expressions;
    }

    record Result(List<FieldError> errors, CompiledScheme compiled) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * A draft, against the country's risk levels today: a literal compared with an assessed level must be one of
     * {@code riskLevels}, or the rule would silently never match ({@code assessments.ve_guide.overall == 'HIHG'}).
     */
    Result validate(SchemeDefinition scheme, Collection<String> riskLevels, String language) {
        return validate(scheme, Optional.of(Set.copyOf(riskLevels)), language);
    }

    /**
     * A published version, as it was checked when published: the risk levels it names were levels then, and the ones
     * the version in force names cannot be removed since ({@code RiskScaleService}).
     */
    Result validatePublished(SchemeDefinition scheme, String language) {
        return validate(scheme, Optional.empty(), language);
    }

    private Result validate(SchemeDefinition scheme, Optional<Set<String>> riskLevels, String language) {
        DefinitionErrors errors = new DefinitionErrors(expressions, language);
        Map<String, Category> categories = categories(scheme, errors);
        if (scheme.rules().isEmpty()) {
            errors.add("definition.rules", "must contain at least one rule");
        }
        List<CompiledExpression> rules = new ArrayList<>();
        Set<String> ruleCodes = new HashSet<>();
        for (int r = 0; r < scheme.rules().size(); r++) {
            Rule rule = scheme.rules().get(r);
            String path = "definition.rules[" + r + "]";
            if (errors.code(path, rule.code(), ruleCodes)) {
                ruleCodes.add(rule.code());
            }
            if (!categories.containsKey(rule.category())) {
                errors.add(path + ".category", "no category has the code '" + rule.category() + "'");
            }
            errors.text(path + ".reason", rule.reason());
            CompiledExpression when =
                    errors.expression(path + ".when", ExpressionEnvironment.CLASSIFICATION_RULE, rule.when());
            riskLevels.ifPresent(levels -> levelLiterals(errors, path + ".when", when, levels));
            rules.add(when);
        }
        List<CompiledExpression> constraints = new ArrayList<>();
        Set<String> constraintCodes = new HashSet<>();
        for (int c = 0; c < scheme.constraints().size(); c++) {
            Constraint constraint = scheme.constraints().get(c);
            String path = "definition.constraints[" + c + "]";
            if (errors.code(path, constraint.code(), constraintCodes)) {
                constraintCodes.add(constraint.code());
            }
            errors.text(path + ".message", constraint.message());
            CompiledExpression expression = errors.expression(
                    path + ".expression", ExpressionEnvironment.CLASSIFICATION_CONSTRAINT, constraint.expression());
            riskLevels.ifPresent(levels -> levelLiterals(errors, path + ".expression", expression, levels));
            constraints.add(expression);
        }
        return errors.isEmpty()
                ? new Result(List.of(), new CompiledScheme(scheme, Map.copyOf(categories), rules, constraints))
                : new Result(errors.list(), null);
    }

    /**
     * Literals compared with an assessed risk level that are not one of the country's levels; {@code ''} is what an
     * assessment without an overall rating reads as.
     */
    private static void levelLiterals(
            DefinitionErrors errors, String path, CompiledExpression expression, Set<String> levels) {
        if (expression == null) {
            return;
        }
        for (CompiledExpression.Literal literal : expression.literals()) {
            if (literal.level() && !literal.value().isEmpty() && !levels.contains(literal.value())) {
                errors.add(
                        path,
                        "'" + literal.value() + "' is not one of this country's risk levels "
                                + levels.stream().sorted().toList(),
                        literal.line(),
                        literal.column());
            }
        }
    }

    private static Map<String, Category> categories(SchemeDefinition scheme, DefinitionErrors errors) {
        Map<String, Category> categories = new LinkedHashMap<>();
        Set<Integer> ranks = new HashSet<>();
        if (scheme.categories().isEmpty()) {
            errors.add("definition.categories", "must contain at least one category");
        }
        for (int c = 0; c < scheme.categories().size(); c++) {
            Category category = scheme.categories().get(c);
            String path = "definition.categories[" + c + "]";
            if (errors.code(path, category.code(), categories.keySet())) {
                categories.put(category.code(), category);
            }
            errors.text(path + ".name", category.name());
            if (category.severityRank() == null || category.severityRank() < 1) {
                errors.add(path + ".severityRank", "must be a whole number from 1 (least severe)");
            } else if (!ranks.add(category.severityRank())) {
                errors.add(path + ".severityRank", "another category has the same rank");
            }
            if (category.reviewIntervalMonths() == null
                    || category.reviewIntervalMonths() < 1
                    || category.reviewIntervalMonths() > 120) {
                errors.add(path + ".reviewIntervalMonths", "must be between 1 and 120 months");
            }
            if (category.legalBasis() == null || category.legalBasis().isBlank()) {
                errors.add(path + ".legalBasis", "must name the article the category rests on");
            }
        }
        return categories;
    }
}
