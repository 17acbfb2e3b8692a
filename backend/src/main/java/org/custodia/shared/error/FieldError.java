package org.custodia.shared.error;

/**
 * One problem with one part of a request.
 *
 * @param field the path of the offending value, e.g. {@code answers[3].value}
 * @param message what is wrong with it, for a person
 * @param line for an expression: the 1-based line of the problem inside it, else null
 * @param column for an expression: the 1-based column of the problem inside it, else null
 */
public record FieldError(String field, String message, Integer line, Integer column) {

    public FieldError(String field, String message) {
        this(field, message, null, null);
    }
}
