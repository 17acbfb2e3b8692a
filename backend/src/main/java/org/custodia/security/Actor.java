package org.custodia.security;

/**
 * Someone who acted on a record: the token's subject, which rules such as four eyes compare, and the user name a
 * reader recognises.
 */
public record Actor(String subject, String username) {

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.username() == null ? caller.subject() : caller.username());
    }
}
