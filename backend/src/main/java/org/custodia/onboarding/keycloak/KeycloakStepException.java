package org.custodia.onboarding.keycloak;

/**
 * Keycloak did not do what an onboarding step asked. The code is what the platform admin sees beside the failed step
 * (e.g. {@code KEYCLOAK_UNREACHABLE}, {@code KEYCLOAK_HTTP_403}, {@code REALM_NOT_CUSTODIA}); Keycloak's own message
 * stays in the server log.
 */
public class KeycloakStepException extends RuntimeException {

    /** The code of a failure to connect to Keycloak at all: nothing was done, trying again later may succeed. */
    public static final String UNREACHABLE = "KEYCLOAK_UNREACHABLE";

    private final String code;

    public KeycloakStepException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean unreachable() {
        return UNREACHABLE.equals(code);
    }
}
