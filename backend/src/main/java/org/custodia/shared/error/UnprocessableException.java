package org.custodia.shared.error;

import java.util.List;
import java.util.Map;

/** Well-formed input that breaks a business rule (answered with 422), naming the fields at fault. */
public class UnprocessableException extends RuntimeException {

    private final transient List<FieldError> errors;
    private final transient Map<String, Object> properties;

    public UnprocessableException(String message, List<FieldError> errors) {
        this(message, errors, Map.of());
    }

    /**
     * @param properties further members of the problem document, for what a field error cannot carry (e.g. a
     *     constraint's message in every language)
     */
    public UnprocessableException(String message, List<FieldError> errors, Map<String, Object> properties) {
        super(message);
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
