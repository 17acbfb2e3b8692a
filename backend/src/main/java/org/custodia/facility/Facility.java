package org.custodia.facility;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An institution of the country.
 *
 * @param population how many prisoners not yet released it holds now; in the list of facilities only, else null
 */
public record Facility(
        UUID id,
        String code,
        Map<String, String> name,
        List<String> categories,
        int capacity,
        Long population,
        long version) {

    public boolean mayHold(String category) {
        return categories.contains(category);
    }
}
