package org.custodia.review;

import java.time.LocalDate;
import java.util.UUID;
import org.custodia.shared.web.Paging;

/**
 * A page of a review list.
 *
 * @param on the day the list is drawn up for; null for today in the country
 * @param facilityId one facility, or null for the whole country
 * @param page from 0
 */
record ReviewQuery(LocalDate on, UUID facilityId, int page, int size) {

    ReviewQuery {
        Paging.requireValid(page, size);
    }

    ReviewQuery on(LocalDate day) {
        return new ReviewQuery(day, facilityId, page, size);
    }

    long offset() {
        return (long) page * size;
    }
}
