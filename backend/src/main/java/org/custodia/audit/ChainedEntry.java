package org.custodia.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * One audit entry as the chain sees it, and the hash that seals it: SHA-256 over the previous entry's hash and
 * every field of this one. Each field is written with its length first, so no two different entries give the same
 * bytes. The writer and the verifier both hash through here, so they cannot disagree on the format.
 */
record ChainedEntry(
        UUID tenantId,
        long seq,
        UUID id,
        Instant occurredAt,
        String actorSubject,
        String actorName,
        String action,
        String entityType,
        UUID entityId,
        String requestId,
        String before,
        String after) {

    /** The hash the first entry of every tenant's chain points back to. */
    static final byte[] GENESIS = new byte[32];

    byte[] hash(byte[] previousHash) {
        MessageDigest digest = sha256();
        digest.update(previousHash);
        for (Object field : new Object[] {
            tenantId,
            seq,
            id,
            occurredAt,
            actorSubject,
            actorName,
            action,
            entityType,
            entityId,
            requestId,
            before,
            after
        }) {
            if (field == null) {
                digest.update((byte) '-');
            } else {
                byte[] bytes = field.toString().getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            digest.update((byte) ';');
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
