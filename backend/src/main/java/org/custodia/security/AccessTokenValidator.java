package org.custodia.security;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What a signed token must also be to be accepted: current ({@code exp}, {@code nbf}), from the realm that signed it
 * ({@code iss}), meant for this API ({@code aud}) and an access token (Keycloak's {@code typ: Bearer}), so an ID or
 * refresh token of the same realm is refused.
 */
final class AccessTokenValidator {

    static final String ACCESS_TOKEN_TYPE = "Bearer";

    private AccessTokenValidator() {}

    static OAuth2TokenValidator<Jwt> forIssuer(String issuer, SecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<String>("typ", ACCESS_TOKEN_TYPE::equals)));
    }
}
