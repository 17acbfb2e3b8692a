package org.custodia.onboarding;

import java.security.SecureRandom;

/**
 * Temporary passwords for first administrators: 20 characters from an alphabet without look-alikes (about 115 bits),
 * longer than the realm template's password policy asks. They are shown once and never stored or logged.
 */
final class TemporaryPasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {}

    static String next() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
