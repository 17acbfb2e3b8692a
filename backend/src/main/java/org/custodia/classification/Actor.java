package org.custodia.classification;

import org.custodia.security.Caller;

/**
 * Someone who acted on a decision: the token's subject, which the four-eyes rule compares, and the user name a reader
 * recognises.
 */
record Actor(String subject, String username) {

    static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.username() == null ? caller.subject() : caller.username());
    }
}
