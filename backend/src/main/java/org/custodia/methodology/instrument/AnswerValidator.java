package org.custodia.methodology.instrument;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.custodia.methodology.instrument.InstrumentDefinition.Item;
import org.custodia.shared.error.FieldError;

/** Checks that each answer names an item of the instrument and has the shape that item's type asks for. */
final class AnswerValidator {

    static final int MAX_TEXT = 10_000;

    private AnswerValidator() {}

    static List<FieldError> validate(CompiledInstrument instrument, Map<String, Object> answers) {
        List<FieldError> errors = new ArrayList<>();
        answers.forEach((code, value) -> {
            String path = "answers." + code;
            Item item = instrument.items().get(code);
            if (item == null) {
                errors.add(new FieldError(path, "this instrument has no item '" + code + "'"));
            } else if (value == null) {
                errors.add(new FieldError(path, "leave an unanswered item out instead of sending null"));
            } else {
                String problem = problem(item, value);
                if (problem != null) {
                    errors.add(new FieldError(path, problem));
                }
            }
        });
        return errors;
    }

    private static String problem(Item item, Object value) {
        return switch (item.type()) {
            case YES_NO -> value instanceof Boolean ? null : "must be true or false";
            case NUMBER ->
                !(value instanceof Number n && Double.isFinite(n.doubleValue()))
                        ? "must be a number"
                        : !item.scoreBands().isEmpty()
                                        && item.scoreBands().stream().noneMatch(band -> band.contains(n.doubleValue()))
                                ? "is outside every range this item scores"
                                : null;
            case SINGLE_CHOICE ->
                value instanceof String code && isOption(item, code)
                        ? null
                        : "must be one of the option codes " + optionCodes(item);
            case MULTI_CHOICE ->
                value instanceof List<?> codes
                                && codes.stream().allMatch(c -> c instanceof String code && isOption(item, code))
                                && new HashSet<>(codes).size() == codes.size()
                        ? null
                        : "must be a list of distinct option codes from " + optionCodes(item);
            case DATE -> isDate(value) ? null : "must be a date as YYYY-MM-DD";
            case TEXT ->
                value instanceof String text && text.length() <= MAX_TEXT
                        ? null
                        : "must be text of at most " + MAX_TEXT + " characters";
        };
    }

    /** The answers as expressions see them: whole numbers as int, others as double, the rest as given. */
    static Map<String, Object> forExpressions(Map<String, Object> answers) {
        Map<String, Object> converted = new HashMap<>(Scorer.capacity(answers.size()));
        answers.forEach((code, value) -> {
            if (value instanceof Number number) {
                double d = number.doubleValue();
                converted.put(code, d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d);
            } else {
                converted.put(code, value);
            }
        });
        return converted;
    }

    private static boolean isOption(Item item, String code) {
        return item.options().stream().anyMatch(option -> option.code().equals(code));
    }

    private static List<String> optionCodes(Item item) {
        return item.options().stream().map(InstrumentDefinition.Option::code).toList();
    }

    private static boolean isDate(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
