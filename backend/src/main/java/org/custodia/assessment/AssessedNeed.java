package org.custodia.assessment;

import java.util.UUID;

/**
 * A criminogenic need an approved assessment found.
 *
 * @param need the code of the scale or item its instrument marks as a need
 * @param score its score, above zero
 */
public record AssessedNeed(String need, double score, UUID assessmentId) {}
