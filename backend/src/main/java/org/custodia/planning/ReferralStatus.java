package org.custodia.planning;

import java.util.Map;
import java.util.Set;

/**
 * Where a programme referral stands. Proposed from a need, it is accepted (REFERRED) or DECLINED; a referral is then
 * STARTED and COMPLETED, or DROPPED on the way. DECLINED, COMPLETED and DROPPED are final.
 */
public enum ReferralStatus {
    PROPOSED,
    REFERRED,
    DECLINED,
    STARTED,
    COMPLETED,
    DROPPED;

    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = Map.of(
            PROPOSED, Set.of(REFERRED, DECLINED),
            REFERRED, Set.of(STARTED, DROPPED),
            STARTED, Set.of(COMPLETED, DROPPED));

    boolean mayBecome(ReferralStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }
}
