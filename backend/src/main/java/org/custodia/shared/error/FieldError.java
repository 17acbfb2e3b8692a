package org.custodia.shared.error;

/**
 * One problem with one part of a request.
 *
 * @param field the path of the offending value, e.g. {@code answers[3].value}
 * @param message what is wrong with it, for a person
 */
public record FieldError(String field, String message) {}
