package org.custodia.tenancy;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;

/**
 * Every transaction starts by telling PostgreSQL whose data it may see. Row-level security policies read {@code
 * app.tenant_id}; {@code set_config(..., true)} scopes it to this transaction, so a pooled connection never carries
 * it over. With no tenant in the Reactor context the setting is emptied and every tenant-owned table looks empty.
 * Doing it as the transaction begins, not per query, means no repository can forget it ({@link
 * TenantScopedConnections} sends it in the same message as the BEGIN).
 */
public class TenantTransactionManager extends R2dbcTransactionManager {

    public TenantTransactionManager(ConnectionFactory connectionFactory) {
        super(new TenantScopedConnections(connectionFactory));
    }
}
