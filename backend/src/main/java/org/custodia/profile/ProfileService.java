package org.custodia.profile;

import java.time.Clock;
import org.custodia.security.Caller;
import org.custodia.shared.error.ConflictException;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

@Service
class ProfileService {

    private final UserPreferenceRepository preferences;
    private final TenantTransactions tx;
    private final Clock clock;

    ProfileService(UserPreferenceRepository preferences, TenantTransactions tx, Clock clock) {
        this.preferences = preferences;
        this.tx = tx;
        this.clock = clock;
    }

    /** The caller's saved preferences; empty for a platform caller or before the first save. */
    Mono<UserPreferenceEntity> preferencesOf(Caller caller) {
        if (caller.tenant().isEmpty()) {
            return Mono.empty();
        }
        return tx.read(() -> preferences.findBySubject(caller.subject()));
    }

    Mono<UserPreferenceEntity> savePreferences(Caller caller, PreferencesRequest request) {
        return tx.write(() -> preferences
                .findBySubject(caller.subject())
                .flatMap(existing -> {
                    if (request.version() == null) {
                        return Mono.error(
                                new ConflictException("Preferences exist already: send the version you last read."));
                    }
                    return preferences.save(existing.change(request.language(), request.version(), clock.instant()));
                })
                .switchIfEmpty(Mono.defer(() -> preferences.save(
                        UserPreferenceEntity.create(caller.subject(), request.language(), clock.instant())))));
    }
}
