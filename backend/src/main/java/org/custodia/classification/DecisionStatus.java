package org.custodia.classification;

import java.util.List;

/**
 * Where a classification decision stands. PROPOSED (the rules proposed) → SUBMITTED (the author accepted or overrode)
 * → APPROVED or REJECTED (by a supervisor who is not the author); PROPOSED or SUBMITTED → WITHDRAWN (by the author).
 */
public enum DecisionStatus {
    PROPOSED,
    SUBMITTED,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    /** A prisoner has at most one decision in these at a time. */
    static final List<String> OPEN = List.of(PROPOSED.name(), SUBMITTED.name());
}
