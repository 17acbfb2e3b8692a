package org.custodia.onboarding;

/** The steps of onboarding, in the order they run. Each is idempotent, so a retry resumes at the first not done. */
public enum OnboardingStep {
    /** The registry row (status PROVISIONING) and this record of the onboarding; done when the request is accepted. */
    REGISTRY,
    /** The Keycloak realm, from the project's realm template. */
    REALM,
    /** The first COUNTRY_ADMIN with a temporary password and required actions. */
    FIRST_ADMIN,
    /** Empty, or a copy of another tenant's published methodology. */
    METHODOLOGY,
    /** The registry row goes ACTIVE: the realm's tokens are accepted from then on. */
    ACTIVATION
}
