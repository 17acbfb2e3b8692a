package org.custodia.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.indicators.IndicatorViews.Cell;
import org.custodia.indicators.IndicatorViews.IndicatorRow;
import org.custodia.indicators.IndicatorViews.IndicatorTable;
import org.custodia.indicators.Suppression.Count;

/**
 * Counts by row key and country, gathered from the roll-ups, then turned into suppressible cells: one per country
 * and a total per row, each row an additive group (its cells add up to its total).
 */
final class CountTable {

    private final String name;
    private final List<String> dimensions;
    private final List<UUID> tenants;
    private final Map<List<String>, long[]> values = new LinkedHashMap<>();
    private final Map<List<String>, Count[]> cells = new LinkedHashMap<>();
    private final Map<List<String>, Count> totals = new LinkedHashMap<>();

    CountTable(String name, List<String> dimensions, List<UUID> tenants) {
        this.name = name;
        this.dimensions = List.copyOf(dimensions);
        this.tenants = tenants;
    }

    /** Adds to the count of a row and country; rows keep the order they were first added in. */
    void add(List<String> key, UUID tenant, long value) {
        int column = tenants.indexOf(tenant);
        if (column < 0) {
            return; // a tenant still being provisioned: not shown
        }
        values.computeIfAbsent(List.copyOf(key), k -> new long[tenants.size()])[column] += value;
    }

    /** Makes sure a row exists, for tables whose rows are known in advance. */
    void row(List<String> key) {
        values.computeIfAbsent(List.copyOf(key), k -> new long[tenants.size()]);
    }

    /** Rows sorted by key (after every add). */
    void sort(Comparator<List<String>> order) {
        List<Map.Entry<List<String>, long[]>> entries = new ArrayList<>(values.entrySet());
        entries.sort(Map.Entry.comparingByKey(order));
        values.clear();
        entries.forEach(e -> values.put(e.getKey(), e.getValue()));
    }

    /** Creates the cells and totals in {@code suppression}, each row one additive group. */
    void cells(Suppression suppression) {
        values.forEach((key, row) -> {
            Count[] counts = Arrays.stream(row).mapToObj(suppression::count).toArray(Count[]::new);
            Count total = suppression.count(Arrays.stream(row).sum());
            cells.put(key, counts);
            totals.put(key, total);
            suppression.group(List.of(counts), Optional.of(total));
        });
    }

    /**
     * Declares each country's column, and the total column, an additive group whose sum a reader knows from elsewhere
     * (a population counted in two breakdowns).
     */
    void columnsKnown(Suppression suppression) {
        for (int column = 0; column < tenants.size(); column++) {
            int c = column;
            suppression.group(cells.values().stream().map(row -> row[c]).toList(), Optional.empty());
        }
        suppression.group(List.copyOf(totals.values()), Optional.empty());
    }

    Optional<Count> cell(List<String> key, int column) {
        return Optional.ofNullable(cells.get(key)).map(row -> row[column]);
    }

    Optional<Count> total(List<String> key) {
        return Optional.ofNullable(totals.get(key));
    }

    List<List<String>> keys() {
        return List.copyOf(cells.keySet());
    }

    int width() {
        return tenants.size();
    }

    /** The table as shown, after suppression. */
    IndicatorTable view() {
        List<IndicatorRow> rows = new ArrayList<>();
        cells.forEach((key, counts) -> rows.add(
                new IndicatorRow(key, Arrays.stream(counts).map(Cell::of).toList(), Cell.of(totals.get(key)))));
        return new IndicatorTable(name, dimensions, rows);
    }
}
