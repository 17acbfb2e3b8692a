package org.custodia.shared.web;

import org.custodia.shared.error.IdentityProviderUnavailableException;
import org.custodia.shared.observability.LogFields;
import org.custodia.shared.observability.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders every error as {@code application/problem+json}: exceptions escaping handlers and filters (ahead of Boot's
 * own error handler, order -1), and Spring Security's 401 and 403, so all errors look alike. Each problem carries
 * the request id. Server errors are logged with the id and the exception type, never with request data.
 */
@Component
@Order(-2)
public class ProblemDetailsHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    private final ProblemWriter writer;

    ProblemDetailsHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = Problems.of(error);
        if (error instanceof IdentityProviderUnavailableException unavailable) {
            // Expected while Keycloak is down (the caller logged which operation failed): no stack trace, a hint.
            exchange.getResponse()
                    .getHeaders()
                    .set(
                            HttpHeaders.RETRY_AFTER,
                            String.valueOf(unavailable.retryAfter().toSeconds()));
        } else if (problem.getStatus() >= 500) {
            LogFields.logFor(
                    exchange,
                    () -> log.error(
                            "Unhandled {} on request {}",
                            error.getClass().getName(),
                            RequestIdFilter.of(exchange),
                            error));
        }
        return write(exchange, problem);
    }

    /** 401 for Spring Security, with the {@code WWW-Authenticate} challenge RFC 6750 asks for. */
    public ServerAuthenticationEntryPoint authenticationEntryPoint() {
        return (exchange, error) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", BearerChallenge.of(error));
            return write(exchange, Problems.unauthenticated());
        };
    }

    /** 403 for Spring Security. */
    public ServerAccessDeniedHandler accessDeniedHandler() {
        return (exchange, denied) -> write(exchange, Problems.forbidden());
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        problem.setProperty("requestId", RequestIdFilter.of(exchange));
        return writer.write(exchange, problem);
    }
}
