package org.custodia.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.custodia.indicators.Suppression.Count;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static List<Boolean> hidden(List<Count> counts) {
        return counts.stream().map(Count::suppressed).toList();
    }

    @Test
    void smallCellsAndNoneAreSuppressed() {
        Suppression suppression = new Suppression(10);
        List<Count> counts = List.of(suppression.count(0), suppression.count(9), suppression.count(10));
        suppression.apply();
        assertThat(hidden(counts)).containsExactly(true, true, false);
    }

    @Test
    void aLoneHiddenCellBesideItsTotalTakesTheSmallestOtherWithIt() {
        Suppression suppression = new Suppression(10);
        List<Count> cells = List.of(suppression.count(3), suppression.count(40), suppression.count(11));
        Count total = suppression.count(54);
        suppression.group(cells, Optional.of(total));
        suppression.apply();
        assertThat(hidden(cells)).containsExactly(true, false, true);
        assertThat(total.suppressed()).isFalse();
    }

    @Test
    void hiddenCellsMustHideAtLeastTheThresholdBetweenThem() {
        Suppression suppression = new Suppression(10);
        // 2 + 3 = 5 < 10 would be known from the total: the next smallest (12) is hidden too.
        List<Count> cells =
                List.of(suppression.count(2), suppression.count(3), suppression.count(12), suppression.count(50));
        Count total = suppression.count(67);
        suppression.group(cells, Optional.of(total));
        suppression.apply();
        assertThat(hidden(cells)).containsExactly(true, true, true, false);
    }

    @Test
    void theTotalGoesWhenNoCellIsLeftToHide() {
        Suppression suppression = new Suppression(10);
        List<Count> cells = List.of(suppression.count(4));
        Count total = suppression.count(4);
        suppression.group(cells, Optional.of(total));
        suppression.apply();
        assertThat(total.suppressed()).isTrue();
    }

    @Test
    void groupsSharingCellsAreProtectedTogether() {
        Suppression suppression = new Suppression(10);
        // Rows [5, 20] and [30, 40] with their totals, columns known from elsewhere: row 1 hides 20 beside 5, then
        // each column has one hidden cell and hides the other, so nothing can be worked out from any row or column.
        Count a = suppression.count(5);
        Count b = suppression.count(20);
        Count c = suppression.count(30);
        Count d = suppression.count(40);
        suppression.group(List.of(a, b), Optional.of(suppression.count(25)));
        suppression.group(List.of(c, d), Optional.of(suppression.count(70)));
        suppression.group(List.of(a, c), Optional.empty());
        suppression.group(List.of(b, d), Optional.empty());
        suppression.apply();
        assertThat(hidden(List.of(a, b, c, d))).containsExactly(true, true, true, true);
    }
}
