package org.custodia.shared.error;

/** The thing asked for does not exist for this caller; another tenant's record is "not found" too. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
