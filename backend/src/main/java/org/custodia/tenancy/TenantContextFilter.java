package org.custodia.tenancy;

import java.util.Optional;
import org.custodia.security.CallerAuthentication;
import org.custodia.shared.observability.LogFields;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Writes the authenticated caller's tenant into the Reactor context, once, right after authentication. The tenant
 * comes from the token's issuer (resolved by the security layer); headers, paths and bodies never choose it. It runs
 * after Spring Security's filter chain (order -100), which has put the authentication in the context by then.
 */
@Component
@Order(0)
public class TenantContextFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance)
                .map(authentication ->
                        ((CallerAuthentication) authentication).caller().tenant())
                .defaultIfEmpty(Optional.empty())
                .flatMap(tenant -> {
                    tenant.ifPresent(t -> exchange.getAttributes().put(LogFields.TENANT, t.code()));
                    return chain.filter(exchange)
                            .contextWrite(context -> tenant.map(t -> TenantContext.with(context, t))
                                    .orElse(context));
                });
    }
}
