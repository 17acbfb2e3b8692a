package org.custodia.tenancy;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;

@Configuration(proxyBeanMethods = false)
class TenancyConfig {

    /** Replaces Boot's transaction manager, so {@code @Transactional} and {@link TenantTransactions} both set the tenant. */
    @Bean
    ReactiveTransactionManager transactionManager(ConnectionFactory connectionFactory) {
        return new TenantTransactionManager(connectionFactory);
    }
}
