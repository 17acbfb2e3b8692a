package org.custodia.methodology.expression;

/**
 * What is wrong with an expression and where: line and column (1-based) in the expression's own text.
 *
 * @param line 1-based line, or 0 when the checker gave no position
 * @param column 1-based column, or 0 when the checker gave no position
 */
public record ExpressionIssue(int line, int column, String message) {}
