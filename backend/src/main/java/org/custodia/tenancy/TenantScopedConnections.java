package org.custodia.tenancy;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.Wrapped;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.reactivestreams.Publisher;
import org.springframework.core.InfrastructureProxy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The pool as the transaction manager sees it: a transaction begun on one of its connections starts with the tenant
 * already set, {@code BEGIN} and {@code set_config} sent as one simple-query message. Two round trips were one more
 * than needed on every request, and a request's round trips are most of what it costs (docs/benchmarks.md).
 *
 * <p>An {@link InfrastructureProxy} of the pool, so the transaction's connection is bound under the pool itself and
 * the {@code DatabaseClient} of every repository finds it. The tenant is a UUID, written into the SQL as its canonical
 * text: nothing a caller sends can reach it.
 */
final class TenantScopedConnections implements ConnectionFactory, InfrastructureProxy {

    private final ConnectionFactory pool;

    TenantScopedConnections(ConnectionFactory pool) {
        this.pool = pool;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(pool.create()).map(TenantScopedConnections::scoped);
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return pool.getMetadata();
    }

    @Override
    public Object getWrappedObject() {
        return pool;
    }

    private static Connection scoped(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class, Wrapped.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "beginTransaction" -> begin(connection, args == null ? null : (TransactionDefinition) args[0]);
                    case "unwrap" -> connection;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "TenantScoped[" + connection + "]";
                    default -> delegate(connection, method, args);
                });
    }

    private static Object delegate(Connection connection, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Mono<Void> begin(Connection connection, TransactionDefinition definition) {
        return TenantContext.current()
                .map(tenant -> tenant.value().toString())
                .defaultIfEmpty("")
                .flatMap(tenant -> {
                    String setTenant = "select set_config('app.tenant_id', '" + tenant + "', true)";
                    if (!expressible(definition)) {
                        return Mono.from(connection.beginTransaction(definition))
                                .then(execute(connection, setTenant));
                    }
                    return execute(connection, beginSql(definition) + "; " + setTenant);
                });
    }

    /** A lock wait timeout is the one attribute of the SPI that {@link #beginSql} does not express. */
    private static boolean expressible(TransactionDefinition definition) {
        return definition == null || definition.getAttribute(TransactionDefinition.LOCK_WAIT_TIMEOUT) == null;
    }

    static String beginSql(TransactionDefinition definition) {
        StringBuilder sql = new StringBuilder("begin");
        if (definition != null) {
            IsolationLevel isolation = definition.getAttribute(TransactionDefinition.ISOLATION_LEVEL);
            if (isolation != null) {
                sql.append(" isolation level ").append(isolation.asSql());
            }
            if (Boolean.TRUE.equals(definition.getAttribute(TransactionDefinition.READ_ONLY))) {
                sql.append(" read only");
            }
        }
        return sql.toString();
    }

    private static Mono<Void> execute(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .flatMap(Result::getRowsUpdated)
                .then();
    }
}
