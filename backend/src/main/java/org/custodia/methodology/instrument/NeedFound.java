package org.custodia.methodology.instrument;

/**
 * A criminogenic need a scoring found: a scale or an item the definition marks {@code need: true} that scored above
 * zero (docs/instrument-schema.md).
 *
 * @param code the scale's or the item's code
 */
public record NeedFound(String code, double score) {}
