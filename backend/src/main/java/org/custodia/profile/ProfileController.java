package org.custodia.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.Set;
import org.custodia.security.Caller;
import org.custodia.security.CallerAuthentication;
import org.custodia.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Who the caller is, as the backend sees it, and the caller's own settings. */
@RestController
@RequestMapping("/api/me")
class ProfileController {

    private final ProfileService profiles;

    ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller: subject, realm, tenant, recognised roles and saved preferences")
    @ApiResponse(responseCode = "200", description = "The caller")
    @ApiResponse(responseCode = "401", description = "No valid token from a trusted realm")
    Mono<MeView> me(CallerAuthentication authentication) {
        Caller caller = authentication.caller();
        return profiles.preferencesOf(caller)
                .map(PreferencesView::from)
                .map(preferences -> MeView.of(caller, preferences))
                .defaultIfEmpty(MeView.of(caller, null));
    }

    @PutMapping("/preferences")
    @PreAuthorize(Roles.ANY_TENANT_ROLE)
    @Operation(summary = "Save the caller's preferences (optimistic locking on version)")
    @ApiResponse(responseCode = "200", description = "The preferences as saved, with their new version")
    @ApiResponse(responseCode = "400", description = "Invalid field")
    @ApiResponse(responseCode = "403", description = "Not a country tenant's user")
    @ApiResponse(responseCode = "409", description = "Stale or missing version")
    Mono<PreferencesView> savePreferences(
            CallerAuthentication authentication, @Valid @RequestBody PreferencesRequest request) {
        return profiles.savePreferences(authentication.caller(), request).map(PreferencesView::from);
    }

    record PreferencesView(String language, long version) {

        static PreferencesView from(UserPreferenceEntity entity) {
            return new PreferencesView(entity.language(), entity.version());
        }
    }

    record TenantView(String code, Map<String, String> displayName, String defaultLanguage, String timeZone) {}

    record MeView(
            String subject,
            String username,
            String realm,
            TenantView tenant,
            Set<String> roles,
            PreferencesView preferences) {

        static MeView of(Caller caller, PreferencesView preferences) {
            TenantView tenant = caller.tenant()
                    .map(t -> new TenantView(t.code(), t.displayName(), t.defaultLanguage(), t.timeZone()))
                    .orElse(null);
            return new MeView(caller.subject(), caller.username(), caller.realm(), tenant, caller.roles(), preferences);
        }
    }
}
