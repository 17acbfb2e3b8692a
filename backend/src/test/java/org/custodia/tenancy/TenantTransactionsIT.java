package org.custodia.tenancy;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.custodia.shared.persistence.UuidV7;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.custodia.testsupport.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The application wall meets the database wall: the transaction manager sets the tenant of the Reactor context at the
 * start of every transaction, and a pooled connection carries nothing from one tenant to the next.
 */
@DisplayName("Tenant transactions")
class TenantTransactionsIT extends IntegrationTestBase {

    @Autowired
    TenantTransactions transactions;

    private ConnectionPool singleConnection;
    private DatabaseClient db;
    private TenantTransactions tx;

    @BeforeEach
    void poolOfOneConnection() {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(TestEnvironment.R2DBC_URL)
                .mutate()
                .option(ConnectionFactoryOptions.USER, TestEnvironment.APP_USER)
                .option(ConnectionFactoryOptions.PASSWORD, TestEnvironment.APP_PASSWORD)
                .build();
        singleConnection = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .initialSize(1)
                .maxSize(1)
                .maxAcquireTime(Duration.ofSeconds(5))
                .build());
        db = DatabaseClient.create(singleConnection);
        tx = new TenantTransactions(new TenantTransactionManager(singleConnection));
    }

    @AfterEach
    void closePool() {
        singleConnection.dispose();
    }

    private <T> Mono<T> as(TenantId tenant, Supplier<Mono<T>> work) {
        return tx.write(work).contextWrite(context -> TenantContext.with(context, tenant, "test"));
    }

    private Mono<Long> insertPreference(String subject) {
        return db.sql("insert into user_preference (id, subject, language, version, updated_at)"
                        + " values (:id, :subject, 'fr', 0, now())")
                .bind("id", UuidV7.next())
                .bind("subject", subject)
                .fetch()
                .rowsUpdated();
    }

    private Flux<UUID> tenantIdsOfEveryPreference() {
        return db.sql("select tenant_id from user_preference")
                .map(row -> row.get("tenant_id", UUID.class))
                .all();
    }

    private Mono<Boolean> seesOnly(TenantId tenant) {
        return tenantIdsOfEveryPreference()
                .all(tenant.value()::equals)
                .zipWith(tenantIdsOfEveryPreference().hasElements(), Boolean::logicalAnd);
    }

    @Test
    void tenantAThenBThenAOnOneConnectionNeverSeeEachOthersRows() {
        StepVerifier.create(as(DemoTenants.KZ, () -> insertPreference("tx-kz-" + UUID.randomUUID()))
                        .then(as(DemoTenants.KG, () -> insertPreference("tx-kg-" + UUID.randomUUID())))
                        .then(as(DemoTenants.KZ, () -> seesOnly(DemoTenants.KZ)))
                        .concatWith(as(DemoTenants.KG, () -> seesOnly(DemoTenants.KG)))
                        .concatWith(as(DemoTenants.KZ, () -> seesOnly(DemoTenants.KZ))))
                .expectNext(true, true, true)
                .verifyComplete();
    }

    @Test
    void afterATenantTransactionTheSameConnectionSeesNothing() {
        StepVerifier.create(as(DemoTenants.KZ, () -> insertPreference("tx-after-" + UUID.randomUUID()))
                        .thenMany(tenantIdsOfEveryPreference()))
                .verifyComplete();
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        String subject = "tx-rollback-" + UUID.randomUUID();
        Mono<Long> insertThenFail = insertPreference(subject).then(Mono.error(new IllegalStateException("boom")));
        StepVerifier.create(as(DemoTenants.KZ, () -> insertThenFail))
                .expectError(IllegalStateException.class)
                .verify();
        StepVerifier.create(as(
                        DemoTenants.KZ,
                        () -> db.sql("select count(*) from user_preference where subject = :s")
                                .bind("s", subject)
                                .map(row -> row.get(0, Long.class))
                                .one()))
                .expectNext(0L)
                .verifyComplete();
    }

    @Test
    void refusesToStartWithoutATenant() {
        StepVerifier.create(transactions.read(() -> Mono.just("never")))
                .expectError(MissingTenantException.class)
                .verify();
    }
}
