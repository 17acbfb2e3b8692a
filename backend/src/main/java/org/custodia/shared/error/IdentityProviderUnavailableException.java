package org.custodia.shared.error;

import java.time.Duration;
import java.util.Map;

/**
 * Keycloak could not be reached, so the request could not be carried out now (answered with 503 and
 * {@code Retry-After}). What was recorded before the failure stays, and the same request may be retried later.
 */
public class IdentityProviderUnavailableException extends RuntimeException {

    private final Duration retryAfter;
    private final transient Map<String, Object> properties;

    /** @param properties further members of the problem document, e.g. what to retry */
    public IdentityProviderUnavailableException(String message, Duration retryAfter, Map<String, Object> properties) {
        super(message);
        this.retryAfter = retryAfter;
        this.properties = Map.copyOf(properties);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
