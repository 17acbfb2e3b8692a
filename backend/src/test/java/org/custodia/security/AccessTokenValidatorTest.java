package org.custodia.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokenValidatorTest {

    private static final String ISSUER = "http://localhost:8180/realms/kz";
    private final OAuth2TokenValidator<Jwt> validator = AccessTokenValidator.forIssuer(
            ISSUER,
            new SecurityProperties(URI.create("http://localhost:8180"), "platform", "custodia-api", Duration.ZERO));

    private static Jwt token(Consumer<Jwt.Builder> change) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(ISSUER)
                .audience(List.of("custodia-api", "account"))
                .claim("typ", "Bearer")
                .issuedAt(Instant.now().minusSeconds(10))
                .expiresAt(Instant.now().plusSeconds(60));
        change.accept(builder);
        return builder.build();
    }

    @Test
    void acceptsACurrentAccessTokenForThisApi() {
        assertThat(validator.validate(token(b -> {})).hasErrors()).isFalse();
    }

    @Test
    void refusesAnotherAudience() {
        assertThat(validator
                        .validate(token(b -> b.audience(List.of("account"))))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesATokenWithoutAudience() {
        assertThat(validator
                        .validate(token(b -> b.claims(c -> c.remove("aud"))))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesIdAndRefreshTokens() {
        assertThat(validator.validate(token(b -> b.claim("typ", "ID"))).hasErrors())
                .isTrue();
        assertThat(validator.validate(token(b -> b.claim("typ", "Refresh"))).hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(token(b -> b.claims(c -> c.remove("typ"))))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesAnotherIssuer() {
        assertThat(validator
                        .validate(token(b -> b.issuer("http://localhost:8180/realms/kg")))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesAnExpiredToken() {
        assertThat(validator
                        .validate(token(b -> b.issuedAt(Instant.now().minusSeconds(120))
                                .expiresAt(Instant.now().minusSeconds(1))))
                        .hasErrors())
                .isTrue();
    }
}
