package org.custodia.shared.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.ForbiddenException;
import org.custodia.shared.error.IdentityProviderUnavailableException;
import org.custodia.shared.error.InvalidRequestException;
import org.custodia.shared.error.NotFoundException;
import org.custodia.shared.error.UnprocessableException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;

/**
 * The one place where an exception becomes an HTTP problem. Messages of our own exceptions are written for the
 * client; anything unexpected becomes a 500 that says nothing internal and carries the request id instead.
 */
final class Problems {

    private Problems() {}

    static ProblemDetail of(Throwable error) {
        if (error instanceof WebExchangeBindException binding) {
            return invalid("The request has invalid fields.", fieldErrors(binding));
        }
        if (error instanceof ServerWebInputException input) {
            return unreadable(input);
        }
        if (error instanceof InvalidRequestException invalid) {
            return invalid(invalid.getMessage(), invalid.errors());
        }
        if (error instanceof UnprocessableException rule) {
            ProblemDetail problem = withErrors(
                    problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.BUSINESS_RULE, rule.getMessage()),
                    rule.errors());
            rule.properties().forEach(problem::setProperty);
            return problem;
        }
        if (error instanceof ForbiddenException refused) {
            return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, refused.getMessage());
        }
        if (error instanceof NotFoundException notFound) {
            return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, notFound.getMessage());
        }
        if (error instanceof ConflictException conflict) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, conflict.getMessage());
            conflict.properties().forEach(problem::setProperty);
            return problem;
        }
        if (error instanceof OptimisticLockingFailureException) {
            return problem(
                    HttpStatus.CONFLICT,
                    ProblemTypes.CONFLICT,
                    "Someone else changed this record first. Reload it and apply your change again.");
        }
        if (error instanceof DataIntegrityViolationException) {
            return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "The change conflicts with existing data.");
        }
        if (error instanceof IdentityProviderUnavailableException unavailable) {
            ProblemDetail problem = problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemTypes.IDENTITY_PROVIDER_UNAVAILABLE,
                    unavailable.getMessage());
            problem.setTitle("Identity provider unavailable");
            unavailable.properties().forEach(problem::setProperty);
            return problem;
        }
        if (error instanceof AuthenticationException) {
            return unauthenticated();
        }
        if (error instanceof AccessDeniedException) {
            return forbidden();
        }
        if (error instanceof ResponseStatusException status
                && status.getStatusCode().is4xxClientError()) {
            HttpStatusCode code = status.getStatusCode();
            URI type = code.value() == 404 ? ProblemTypes.NOT_FOUND : URI.create("about:blank");
            return problem(code, type, status.getReason());
        }
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL,
                "An unexpected error occurred. Quote the requestId when you report it.");
    }

    static ProblemDetail unauthenticated() {
        return problem(
                HttpStatus.UNAUTHORIZED,
                ProblemTypes.UNAUTHENTICATED,
                "A valid access token from a trusted realm is required.");
    }

    static ProblemDetail forbidden() {
        return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Your roles do not allow this operation.");
    }

    private static ProblemDetail unreadable(ServerWebInputException input) {
        for (Throwable cause = input; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                return invalid(
                        "The request body could not be read.",
                        List.of(new FieldError(pathOf(json), "has a missing, unknown or wrongly typed value")));
            }
        }
        String reason = input.getReason() == null ? "The request could not be read." : input.getReason();
        return invalid(reason, List.of());
    }

    private static String pathOf(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static List<FieldError> fieldErrors(WebExchangeBindException binding) {
        return binding.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldError(
                        error instanceof org.springframework.validation.FieldError field
                                ? field.getField()
                                : error.getObjectName(),
                        error.getDefaultMessage()))
                .toList();
    }

    private static ProblemDetail invalid(String detail, List<FieldError> errors) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, detail), errors);
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream().map(Problems::asMap).toList());
        }
        return problem;
    }

    private static Map<String, Object> asMap(FieldError error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("field", error.field());
        entry.put("message", String.valueOf(error.message()));
        if (error.line() != null && error.line() > 0) {
            entry.put("line", error.line());
            entry.put("column", error.column());
        }
        return entry;
    }

    private static ProblemDetail problem(HttpStatusCode status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return problem;
    }
}
