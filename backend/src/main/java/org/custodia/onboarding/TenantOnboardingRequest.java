package org.custodia.onboarding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;

/**
 * A new country tenant as a platform admin asks for it. Its realm is the code in lower case.
 *
 * @param code the tenant's code, upper-case letters (e.g. {@code UG})
 * @param country the country it serves, ISO 3166-1 alpha-2
 * @param displayName the tenant's name per language; must include English and the default language
 * @param timeZone an IANA time zone (e.g. {@code Africa/Kampala}): what the tenant's dates are counted in
 * @param firstAdmin the first COUNTRY_ADMIN, who gets a temporary password
 * @param methodologyFrom the code of an active tenant whose published methodology is copied; null for an empty one
 */
public record TenantOnboardingRequest(
        @NotNull @Pattern(regexp = "[A-Z]{2,8}", message = "must be 2 to 8 upper-case letters")
        String code,

        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
        String country,

        @NotEmpty Map<String, @NotBlank @Size(max = 200) String> displayName,

        @NotNull @Pattern(regexp = "en|ru|kk|ky|fr|ar", message = "must be one of en, ru, kk, ky, fr, ar")
        String defaultLanguage,

        @NotBlank @Size(max = 64) String timeZone,
        @NotNull @Valid FirstAdmin firstAdmin,

        @Pattern(regexp = "[A-Z]{2,8}", message = "must be a tenant code")
        String methodologyFrom) {

    /** The realm of the tenant: its code in lower case. */
    String realm() {
        return code.toLowerCase(Locale.ROOT);
    }

    public record FirstAdmin(
            @NotNull
            @Pattern(
                    regexp = "[a-z0-9][a-z0-9._-]{1,62}",
                    message = "must be 2 to 63 lower-case letters, digits, '.', '_' or '-'")
            String username,

            @NotNull @Email @Size(max = 254) String email) {}
}
