package org.custodia.methodology.instrument;

public enum InstrumentKind {
    /** Scored from static and dynamic factors, e.g. a custody rating scale. */
    ACTUARIAL,
    /** An inventory of criminogenic needs that feed the sentence plan. */
    NEEDS,
    /** Structured professional judgement: factors guide a rater's reasoned judgement (VERA-2R, ERG 22+). */
    SPJ,
    /** A short check on admission that decides whether a fuller assessment is needed. */
    SCREENING
}
