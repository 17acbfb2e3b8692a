package org.custodia.tenancy;

import java.util.Objects;
import java.util.UUID;

/** The registry id of a country tenant; the value every tenant-owned row carries in {@code tenant_id}. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
