package org.custodia.tenancy;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Tells the tenant registry's readers when what they remember may be stale. It holds one connection of its own
 * (outside the pool) listening on the channel {@code tenant_changed}, which a trigger on the tenant table notifies
 * at every commit that changes it (V17). While that connection listens, {@link #memory()} gives a map of tenants
 * that is replaced by an empty one at each notification; while it does not (at start, after losing it, until it
 * listens again), {@link #memory()} is empty and every reader goes to the database. See ADR 0001.
 */
@Component
class TenantChanges implements SmartLifecycle {

    static final String CHANNEL = "tenant_changed";
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(TenantChanges.class);

    private final ConnectionFactory connections;
    private final AtomicReference<Map<String, Tenant>> memory = new AtomicReference<>();
    private volatile Disposable listening;

    TenantChanges(ConnectionFactory connectionFactory) {
        // The pool's own factory: a connection held for as long as the service runs must not take a pool slot.
        this.connections =
                connectionFactory instanceof Wrapped<?> pool && pool.unwrap() instanceof ConnectionFactory direct
                        ? direct
                        : connectionFactory;
    }

    /**
     * What may be remembered now, by realm, or empty when nothing may be. A reader takes the map BEFORE reading the
     * database and stores what it read into that same map: if a change commits in between, the map it stores into
     * has been dropped already or will be at the notification, so a stale tenant is never served.
     */
    Optional<Map<String, Tenant>> memory() {
        return Optional.ofNullable(memory.get());
    }

    /**
     * Forgets now, without waiting for the notification: the service that just committed a change calls it, so its
     * own next request cannot see what it remembered before (other replicas forget at the notification).
     */
    void forgetNow() {
        memory.getAndUpdate(current -> current == null ? null : new ConcurrentHashMap<>());
    }

    @Override
    public void start() {
        listening = Mono.usingWhen(connections.create(), this::listen, Connection::close)
                .doOnError(e -> forget("lost", e))
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, RECONNECT_DELAY))
                .subscribe();
    }

    /** Subscribes to the notifications first (they are not buffered), then listens; remembers once listening. */
    private Mono<Void> listen(Connection connection) {
        PostgresqlConnection postgres = (PostgresqlConnection) connection;
        Flux<Void> notifications = postgres.getNotifications()
                .doOnNext(notification -> memory.set(new ConcurrentHashMap<>()))
                .then()
                .flux();
        Flux<Void> listen = postgres.createStatement("listen " + CHANNEL)
                .execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then(Mono.<Void>fromRunnable(() -> memory.set(new ConcurrentHashMap<>())))
                .flux();
        return Flux.merge(notifications, listen)
                .then(Mono.error(() -> new IllegalStateException("the listening connection closed")));
    }

    private void forget(String why, Throwable error) {
        memory.set(null);
        log.warn(
                "Tenant change notifications {} ({}); reading the registry on every request until they resume",
                why,
                error.toString());
    }

    @Override
    public void stop() {
        Disposable current = listening;
        if (current != null) {
            current.dispose();
        }
        memory.set(null);
        listening = null;
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }
}
