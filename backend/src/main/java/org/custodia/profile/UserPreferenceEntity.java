package org.custodia.profile;

import java.time.Instant;
import java.util.UUID;
import org.custodia.shared.persistence.UuidV7;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user's own settings, kept per tenant. {@code tenant_id} is not mapped: the column defaults to the transaction's
 * tenant and row-level security narrows every statement to it.
 */
@Table("user_preference")
record UserPreferenceEntity(
        @Id UUID id,
        String subject,
        String language,
        @Version Long version,
        Instant updatedAt) {

    static UserPreferenceEntity create(String subject, String language, Instant now) {
        return new UserPreferenceEntity(UuidV7.next(), subject, language, null, now);
    }

    /** The change as the client saw it: saving fails when {@code expectedVersion} is no longer current. */
    UserPreferenceEntity change(String newLanguage, long expectedVersion, Instant now) {
        return new UserPreferenceEntity(id, subject, newLanguage, expectedVersion, now);
    }
}
