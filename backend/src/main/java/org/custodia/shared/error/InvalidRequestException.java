package org.custodia.shared.error;

import java.util.List;

/** Input the server can read but not accept as it is (answered with 400), naming the fields at fault. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidRequestException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
