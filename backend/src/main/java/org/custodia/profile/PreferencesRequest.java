package org.custodia.profile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * @param language the UI language: en, ru, kk, ky, fr or ar
 * @param version the version last read; required when preferences already exist, so a stale write is refused
 */
record PreferencesRequest(
        @NotNull @Pattern(regexp = "en|ru|kk|ky|fr|ar", message = "must be one of en, ru, kk, ky, fr, ar")
        String language,

        @PositiveOrZero Long version) {}
