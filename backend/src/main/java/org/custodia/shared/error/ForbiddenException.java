package org.custodia.shared.error;

/**
 * The caller's roles allow the operation, but not on this record, for a reason the caller should be told: e.g. the
 * four-eyes rule (nobody decides their own proposal). Roles themselves are checked by {@code @PreAuthorize}.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
