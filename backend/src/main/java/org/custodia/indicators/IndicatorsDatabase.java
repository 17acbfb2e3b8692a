package org.custodia.indicators;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The indicators path's own connection pool, logged in as its own role, which PostgreSQL lets read the roll-up tables
 * and nothing else: whatever SQL this package ran, it could not reach a person's row. Deliberately not a {@code
 * ConnectionFactory} bean, so nothing else can be wired to it (and Boot's pool for the service stays as it is).
 */
@Component
class IndicatorsDatabase implements DisposableBean {

    private final ConnectionPool pool;
    private final DatabaseClient client;

    IndicatorsDatabase(IndicatorsProperties properties) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(properties.r2dbcUrl())
                .mutate()
                .option(ConnectionFactoryOptions.USER, properties.username())
                .option(ConnectionFactoryOptions.PASSWORD, properties.password() == null ? "" : properties.password())
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(5))
                .build();
        this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .name("custodia-indicators")
                .initialSize(0)
                .maxSize(properties.poolSize())
                .maxAcquireTime(Duration.ofSeconds(5))
                .maxIdleTime(Duration.ofMinutes(10))
                .build());
        this.client = DatabaseClient.create(pool);
    }

    DatabaseClient client() {
        return client;
    }

    @Override
    public void destroy() {
        pool.dispose();
    }
}
