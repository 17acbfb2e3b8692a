package org.custodia.methodology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.custodia.methodology.expression.CompiledExpression;
import org.custodia.methodology.expression.ExpressionEnvironment;
import org.custodia.methodology.expression.ExpressionIssue;
import org.custodia.methodology.expression.Expressions;
import org.custodia.methodology.expression.InvalidExpressionException;
import org.custodia.shared.error.FieldError;

/**
 * Collects the problems of a methodology document (an instrument or a classification scheme) by JSON path, with the
 * checks both share: codes, texts in the country's default language, expressions.
 */
public final class DefinitionErrors {

    /** Codes are used as keys in expressions ({@code answers.prior_violence}), so they must be identifiers. */
    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Expressions expressions;
    private final String language;
    private final List<FieldError> errors = new ArrayList<>();

    public DefinitionErrors(Expressions expressions, String language) {
        this.expressions = expressions;
        this.language = language;
    }

    public void add(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    public void add(String path, String message, int line, int column) {
        errors.add(new FieldError(path, message, line, column));
    }

    /** True when {@code code} is well-formed and not in {@code taken}; the caller records it. */
    public boolean code(String path, String code, Set<String> taken) {
        if (code == null || !CODE.matcher(code).matches()) {
            add(path + ".code", "must be lower-case letters, digits and _ starting with a letter (max 63)");
            return false;
        }
        if (taken.contains(code)) {
            add(path + ".code", "'" + code + "' is used twice");
            return false;
        }
        return true;
    }

    /** A multilingual text must at least have the country's default language. */
    public void text(String path, Map<String, String> texts) {
        if (texts == null || texts.get(language) == null || texts.get(language).isBlank()) {
            add(path + "." + language, "is required in the country's default language");
        }
    }

    /** The compiled expression, or null after recording where and why it is wrong. */
    public CompiledExpression expression(String path, ExpressionEnvironment environment, String source) {
        try {
            return expressions.compile(environment, source);
        } catch (InvalidExpressionException e) {
            for (ExpressionIssue issue : e.issues()) {
                add(path, issue.message(), issue.line(), issue.column());
            }
            return null;
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }
}
