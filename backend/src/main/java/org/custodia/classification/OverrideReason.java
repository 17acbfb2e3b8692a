package org.custodia.classification;

/**
 * Why the author chose another category than the rules proposed: a fixed list, so overrides can be counted and
 * compared, with the narrative saying the rest. The same list is in the migration's check constraint.
 */
public enum OverrideReason {
    /** Intelligence or security information the rules do not see (e.g. a planned escape, threats). */
    SECURITY_INFORMATION,
    /** Conduct in custody: incidents, or sustained good behaviour. */
    BEHAVIOUR,
    /** Physical or mental health, disability or age that the category must accommodate. */
    HEALTH,
    /** The prisoner must be protected from others (vulnerability, witness, former official). */
    PROTECTION,
    /** A programme, education or work the prisoner needs is available only in another category. */
    PROGRAMME_NEEDS,
    /** Anything else; the narrative must explain it. */
    OTHER
}
