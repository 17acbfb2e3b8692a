package org.custodia.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantDirectory;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Decides, per request, whether a token's issuer is trusted: the platform realm, or the realm of a tenant that is
 * ACTIVE in the registry right now. The issuer then decides the tenant. Signature keys are fetched from the realm's
 * JWKS endpoint; decoders are cached per issuer. The registry remembers tenants only until its next change
 * (TenantDirectory, ADR 0001), so a suspension takes effect at once.
 */
@Component
class TrustedIssuers implements ReactiveAuthenticationManagerResolver<String> {

    private static final Pattern REALM_NAME = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    private final SecurityProperties properties;
    private final TenantDirectory tenants;
    private final String realmsPrefix;
    private final Map<String, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();

    TrustedIssuers(SecurityProperties properties, TenantDirectory tenants) {
        this.properties = properties;
        this.tenants = tenants;
        this.realmsPrefix = properties.issuerOf("");
    }

    @Override
    public Mono<ReactiveAuthenticationManager> resolve(String issuer) {
        Optional<String> realm = realmOf(issuer);
        if (realm.isEmpty()) {
            return Mono.empty();
        }
        if (realm.get().equals(properties.platformRealm())) {
            return Mono.just(manager(issuer, realm.get(), Optional.empty(), Roles.PLATFORM));
        }
        return tenants.findActiveByRealm(realm.get())
                .map(tenant -> manager(issuer, realm.get(), Optional.of(tenant), Roles.TENANT));
    }

    private Optional<String> realmOf(String issuer) {
        if (issuer == null || !issuer.startsWith(realmsPrefix)) {
            return Optional.empty();
        }
        String realm = issuer.substring(realmsPrefix.length());
        return REALM_NAME.matcher(realm).matches() ? Optional.of(realm) : Optional.empty();
    }

    private ReactiveAuthenticationManager manager(
            String issuer, String realm, Optional<Tenant> tenant, Set<String> allowedRoles) {
        JwtReactiveAuthenticationManager manager =
                new JwtReactiveAuthenticationManager(decoders.computeIfAbsent(issuer, this::decoder));
        manager.setJwtAuthenticationConverter(jwt -> {
            Set<String> roles = KeycloakRoles.of(jwt, properties.audience(), allowedRoles);
            Caller caller =
                    new Caller(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), realm, tenant, roles);
            return Mono.just(new CallerAuthentication(
                    jwt,
                    roles.stream()
                            .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                            .toList(),
                    caller));
        });
        return manager;
    }

    private ReactiveJwtDecoder decoder(String issuer) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        issuer + "/protocol/openid-connect/certs")
                .build();
        decoder.setJwtValidator(AccessTokenValidator.forIssuer(issuer, properties));
        return decoder;
    }
}
