package org.custodia.methodology.expression;

import java.util.List;

/** An expression that does not parse, does not type-check, or names something that does not exist. */
public class InvalidExpressionException extends Exception {

    private final transient List<ExpressionIssue> issues;

    public InvalidExpressionException(List<ExpressionIssue> issues) {
        super(issues.isEmpty() ? "invalid expression" : issues.get(0).message());
        this.issues = List.copyOf(issues);
    }

    public List<ExpressionIssue> issues() {
        return issues;
    }
}
