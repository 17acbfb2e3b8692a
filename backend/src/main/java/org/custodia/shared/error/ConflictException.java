package org.custodia.shared.error;

/** The request clashes with the current state: a stale version, a duplicate, a transition that is not allowed. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
