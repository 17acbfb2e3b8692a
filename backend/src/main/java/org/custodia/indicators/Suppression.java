package org.custodia.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Small-cell suppression of a table of counts. Every cell counting fewer than the threshold (none included) is
 * suppressed (primary). Then, so that no suppressed cell can be worked out by subtraction from figures that are shown,
 * every additive group (cells that add up to a total that is shown, or that a reader knows from elsewhere) must hide
 * either nothing, or at least two cells whose hidden sum is itself at least the threshold: while a group breaks that
 * rule, its smallest cell still shown is suppressed too (secondary), or its total when no cell is left. Groups share
 * cells, so the passes repeat until nothing changes.
 */
final class Suppression {

    /** A count and whether it is hidden. */
    static final class Count {
        private final long value;
        private boolean suppressed;

        Count(long value) {
            this.value = value;
        }

        long value() {
            return value;
        }

        boolean suppressed() {
            return suppressed;
        }
    }

    /**
     * Cells that add up to {@code total}; {@code total} empty when it is not shown but a reader may know it anyway
     * (a country's population, known from another breakdown of the same people).
     */
    record Group(List<Count> cells, Optional<Count> total) {}

    private final int threshold;
    private final List<Count> counts = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();

    Suppression(int threshold) {
        this.threshold = threshold;
    }

    Count count(long value) {
        Count count = new Count(value);
        counts.add(count);
        return count;
    }

    void group(List<Count> cells, Optional<Count> total) {
        groups.add(new Group(List.copyOf(cells), total));
    }

    /** Applies primary then secondary suppression to every count made here. */
    void apply() {
        counts.forEach(c -> c.suppressed = c.value < threshold);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Group group : groups) {
                changed |= protect(group);
            }
        }
    }

    /** One more cell hidden when the group lets a hidden one be derived; true when it hid one. */
    private boolean protect(Group group) {
        List<Count> hidden = group.cells().stream().filter(Count::suppressed).toList();
        boolean totalHidden = group.total().map(Count::suppressed).orElse(false);
        if (hidden.isEmpty() || totalHidden) {
            return false;
        }
        long hiddenSum = hidden.stream().mapToLong(Count::value).sum();
        if (hidden.size() >= 2 && hiddenSum >= threshold) {
            return false;
        }
        Optional<Count> next =
                group.cells().stream().filter(c -> !c.suppressed).min(Comparator.comparingLong(Count::value));
        if (next.isPresent()) {
            next.get().suppressed = true;
            return true;
        }
        if (group.total().isPresent()) {
            group.total().get().suppressed = true;
            return true;
        }
        return false;
    }
}
