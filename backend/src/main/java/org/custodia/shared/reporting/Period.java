package org.custodia.shared.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.InvalidRequestException;

/**
 * The months a dashboard or an indicator counts events in, both ends included. Without a choice: the twelve months up
 * to and including the current one.
 */
public record Period(YearMonth from, YearMonth to) {

    /** The longest period one request may ask for: ten years of months. */
    public static final int MAX_MONTHS = 120;

    /** The period asked for, with the defaults filled in from {@code today}; 400 naming the field when it is wrong. */
    public static Period of(YearMonth from, YearMonth to, LocalDate today) {
        YearMonth end = to == null ? YearMonth.from(today) : to;
        YearMonth start = from == null ? end.minusMonths(11) : from;
        List<FieldError> errors = new ArrayList<>();
        if (start.isAfter(end)) {
            errors.add(new FieldError("from", "must not be after to"));
        } else if (start.plusMonths(MAX_MONTHS).isBefore(end.plusMonths(1))) {
            errors.add(new FieldError("from", "the period may span at most " + MAX_MONTHS + " months"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The period cannot be counted.", errors);
        }
        return new Period(start, end);
    }

    /** The first day of the first month. */
    public LocalDate firstDay() {
        return from.atDay(1);
    }

    /** The last day of the last month. */
    public LocalDate lastDay() {
        return to.atEndOfMonth();
    }
}
