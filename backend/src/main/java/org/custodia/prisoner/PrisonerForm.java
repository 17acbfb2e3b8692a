package org.custodia.prisoner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What staff record about a prisoner, when registering them and at every change.
 *
 * @param number the country's prisoner number, unique in the country
 * @param citizenship ISO 3166-1 alpha-3, e.g. KAZ
 * @param sentence required once sentenced
 * @param offences codes from the country's offence list
 * @param flags markers such as {@code VEO} (violent extremist offender) that classification rules may test
 * @param version the version read, when changing a registered prisoner; absent when registering
 */
public record PrisonerForm(
        @NotBlank
        @Size(max = 32)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/_.-]*", message = "must be letters, digits, /, _, . or -")
        String number,

        @NotBlank @Size(max = 200) String familyName,
        @NotBlank @Size(max = 200) String givenNames,
        @NotNull @Past LocalDate dateOfBirth,

        @NotNull @Pattern(regexp = "M|F", message = "must be M or F")
        String sex,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code such as KAZ")
        String citizenship,

        @NotNull UUID facilityId,
        @NotNull LegalStatus legalStatus,
        @NotNull @PastOrPresent LocalDate admittedOn,
        @Valid Sentence sentence,
        @Size(max = 50) List<@NotBlank String> offences,

        @Size(max = 20)
        List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be 1-32 capitals, digits or _") String>
                flags,

        Long version) {

    public PrisonerForm {
        offences = offences == null ? List.of() : List.copyOf(offences);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
