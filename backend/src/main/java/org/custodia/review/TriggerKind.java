package org.custodia.review;

/** Events that call for a prisoner's classification to be reviewed now rather than at the scheduled date. */
public enum TriggerKind {
    INCIDENT,
    NEW_OFFENCE,
    SENTENCE_CHANGE,
    PROGRAMME_COMPLETION,
    REQUEST
}
