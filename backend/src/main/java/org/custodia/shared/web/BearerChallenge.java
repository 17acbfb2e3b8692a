package org.custodia.shared.web;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;

/** The RFC 6750 {@code WWW-Authenticate} value for a refused bearer token. */
final class BearerChallenge {

    private BearerChallenge() {}

    static String of(AuthenticationException error) {
        if (!(error instanceof OAuth2AuthenticationException oauth)) {
            return "Bearer";
        }
        OAuth2Error cause = oauth.getError();
        String code = cause instanceof BearerTokenError bearer ? bearer.getErrorCode() : "invalid_token";
        String description = cause.getDescription() == null
                ? ""
                : ", error_description=\"" + cause.getDescription().replace("\"", "'") + "\"";
        return "Bearer error=\"" + code + "\"" + description;
    }
}
