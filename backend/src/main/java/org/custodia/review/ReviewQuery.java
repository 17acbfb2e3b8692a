package org.custodia.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.InvalidRequestException;

/**
 * A page of a review list.
 *
 * @param on the day the list is drawn up for; null for today in the country
 * @param facilityId one facility, or null for the whole country
 * @param page from 0
 */
record ReviewQuery(LocalDate on, UUID facilityId, int page, int size) {

    static final int MAX_PAGE = 100;

    ReviewQuery {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The list request is not valid.", errors);
        }
    }

    ReviewQuery on(LocalDate day) {
        return new ReviewQuery(day, facilityId, page, size);
    }

    long offset() {
        return (long) page * size;
    }
}
