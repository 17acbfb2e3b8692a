package org.custodia.indicators;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** What the indicators path returns: tables of aggregate cells, per country and in total, never a person. */
final class IndicatorViews {

    private IndicatorViews() {}

    /**
     * The cross-country indicators for a period.
     *
     * @param minCellSize cells counting fewer than this (and cells that would let one be worked out) are suppressed
     * @param tenants the countries, in the order of every row's cells
     */
    record CrossCountryIndicators(
            YearMonth from, YearMonth to, int minCellSize, List<TenantColumn> tenants, List<IndicatorTable> tables) {}

    /** A country: its code and its name in each language it was given. */
    record TenantColumn(String code, Map<String, String> name) {}

    /**
     * One indicator as a table.
     *
     * @param name what it counts, e.g. {@code population-by-category}
     * @param dimensions what each part of a row's key is, e.g. {@code ["category"]} or {@code ["month", "measure"]}
     */
    record IndicatorTable(String name, List<String> dimensions, List<IndicatorRow> rows) {}

    /**
     * @param key the row's value of each dimension ("" for none: unclassified, never assessed)
     * @param cells one per country, in the order of {@code tenants}
     * @param total all countries together
     */
    record IndicatorRow(List<String> key, List<Cell> cells, Cell total) {}

    /** A figure, or suppressed: then {@code value} is null (never 0) and {@code suppressed} true. */
    record Cell(Long value, boolean suppressed) {

        static Cell of(Suppression.Count count) {
            return count.suppressed() ? new Cell(null, true) : new Cell(count.value(), false);
        }
    }
}
