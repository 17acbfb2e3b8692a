package org.custodia.tenancy;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The unit of work of tenant-owned data: a transaction for the caller's tenant. It refuses to start without a
 * tenant, so a platform caller gets an error rather than an empty answer that looks like "no data".
 */
@Component
public class TenantTransactions {

    private final TransactionalOperator readOnly;
    private final TransactionalOperator readWrite;

    public TenantTransactions(ReactiveTransactionManager transactionManager) {
        DefaultTransactionDefinition read = new DefaultTransactionDefinition();
        read.setReadOnly(true);
        this.readOnly = TransactionalOperator.create(transactionManager, read);
        this.readWrite = TransactionalOperator.create(
                transactionManager, new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED));
    }

    public <T> Mono<T> read(Supplier<Mono<T>> work) {
        return TenantContext.require().then(Mono.defer(work)).as(readOnly::transactional);
    }

    public <T> Flux<T> readMany(Supplier<Flux<T>> work) {
        return TenantContext.require().thenMany(Flux.defer(work)).as(readOnly::transactional);
    }

    public <T> Mono<T> write(Supplier<Mono<T>> work) {
        return TenantContext.require().then(Mono.defer(work)).as(readWrite::transactional);
    }
}
