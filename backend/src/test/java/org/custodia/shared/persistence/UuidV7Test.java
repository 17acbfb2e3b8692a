package org.custodia.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void isVersion7WithTheRfcVariant() {
        UUID id = UuidV7.next();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void carriesTheTimestampInItsFirst48Bits() {
        long millis = 1_767_225_600_000L;
        assertThat(UuidV7.at(millis).getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void sortsByCreationTime() {
        UUID earlier = UuidV7.at(1_000_000L);
        UUID later = UuidV7.at(1_000_001L);
        assertThat(earlier.toString()).isLessThan(later.toString());
    }

    @Test
    void doesNotRepeat() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(UuidV7.at(42L));
        }
        assertThat(ids).hasSize(10_000);
    }
}
