package org.custodia.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferralStatusTest {

    private static Set<ReferralStatus> next(ReferralStatus from) {
        Set<ReferralStatus> next = EnumSet.noneOf(ReferralStatus.class);
        Arrays.stream(ReferralStatus.values()).filter(from::mayBecome).forEach(next::add);
        return next;
    }

    @Test
    void aProposalIsAcceptedOrDeclined() {
        assertThat(next(ReferralStatus.PROPOSED))
                .containsExactlyInAnyOrder(ReferralStatus.REFERRED, ReferralStatus.DECLINED);
    }

    @Test
    void aReferralStartsThenCompletesOrIsDroppedOnTheWay() {
        assertThat(next(ReferralStatus.REFERRED))
                .containsExactlyInAnyOrder(ReferralStatus.STARTED, ReferralStatus.DROPPED);
        assertThat(next(ReferralStatus.STARTED))
                .containsExactlyInAnyOrder(ReferralStatus.COMPLETED, ReferralStatus.DROPPED);
    }

    @Test
    void declinedCompletedAndDroppedAreFinal() {
        assertThat(next(ReferralStatus.DECLINED)).isEmpty();
        assertThat(next(ReferralStatus.COMPLETED)).isEmpty();
        assertThat(next(ReferralStatus.DROPPED)).isEmpty();
    }
}
