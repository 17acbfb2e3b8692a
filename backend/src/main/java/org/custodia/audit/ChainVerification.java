package org.custodia.audit;

import java.util.UUID;

/**
 * The result of recomputing a tenant's audit chain from its first entry.
 *
 * @param entriesChecked how many entries were read
 * @param firstBroken the first entry whose link or seal does not hold, or null when the chain is intact
 */
public record ChainVerification(boolean intact, long entriesChecked, BrokenLink firstBroken) {

    /**
     * @param seq the position in the chain where it breaks
     * @param entryId the entry found there, or null when the entry is missing
     */
    public record BrokenLink(long seq, UUID entryId, String reason) {}

    static ChainVerification intact(long entriesChecked) {
        return new ChainVerification(true, entriesChecked, null);
    }

    static ChainVerification broken(long entriesChecked, BrokenLink link) {
        return new ChainVerification(false, entriesChecked, link);
    }
}
