package org.custodia.methodology.expression;

/** A checked expression that failed while evaluating, e.g. a division by zero or a missing map key. */
public class ExpressionFailedException extends Exception {

    public ExpressionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
