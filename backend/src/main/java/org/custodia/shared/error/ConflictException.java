package org.custodia.shared.error;

import java.util.Map;

/** The request clashes with the current state: a stale version, a duplicate, a transition that is not allowed. */
public class ConflictException extends RuntimeException {

    private final transient Map<String, Object> properties;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    /** @param properties further members of the problem document, e.g. what changed */
    public ConflictException(String message, Map<String, Object> properties) {
        super(message);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
