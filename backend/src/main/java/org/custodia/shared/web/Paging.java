package org.custodia.shared.web;

import java.util.ArrayList;
import java.util.List;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.InvalidRequestException;

/** The page and size of every paged list, checked the same way everywhere: pages from 0, 1 to 100 rows. */
public final class Paging {

    public static final int MAX_SIZE = 100;

    private Paging() {}

    /** Refuses a page or size out of range with a 400 naming each field. */
    public static void requireValid(int page, int size) {
        List<FieldError> errors = problems(page, size);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The page is not valid.", errors);
        }
    }

    /** What is wrong with {@code page} and {@code size}, naming each; empty when both are fine. */
    public static List<FieldError> problems(int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        return errors;
    }
}
