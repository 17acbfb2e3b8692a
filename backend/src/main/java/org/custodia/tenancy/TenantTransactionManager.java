package org.custodia.tenancy;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every transaction starts by telling PostgreSQL whose data it may see. Row-level security policies read {@code
 * app.tenant_id}; {@code set_config(..., true)} scopes it to this transaction, so a pooled connection never carries
 * it over. With no tenant in the Reactor context the setting is emptied and every tenant-owned table looks empty.
 * Doing it here, not per query, means no repository can forget it.
 */
public class TenantTransactionManager extends R2dbcTransactionManager {

    static final String SET_TENANT = "select set_config('app.tenant_id', $1, true)";

    public TenantTransactionManager(ConnectionFactory connectionFactory) {
        super(connectionFactory);
    }

    @Override
    protected Mono<Void> prepareTransactionalConnection(Connection connection, TransactionDefinition definition) {
        return super.prepareTransactionalConnection(connection, definition)
                .then(TenantContext.current().map(TenantId::toString).defaultIfEmpty(""))
                .flatMapMany(tenant -> Flux.from(connection
                                .createStatement(SET_TENANT)
                                .bind("$1", tenant)
                                .execute())
                        .flatMap(result -> result.map((row, metadata) -> 1)))
                .then();
    }
}
