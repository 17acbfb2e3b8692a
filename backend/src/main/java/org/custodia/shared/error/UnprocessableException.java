package org.custodia.shared.error;

import java.util.List;

/** Well-formed input that breaks a business rule (answered with 422), naming the fields at fault. */
public class UnprocessableException extends RuntimeException {

    private final transient List<FieldError> errors;

    public UnprocessableException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
