package org.custodia.shared.observability;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is well-formed), returns it in the response,
 * puts it in the logging MDC of the request's log lines ({@link LogFields}) and writes one access log line: method, path without query, status, duration and
 * the tenant code ({@link org.custodia.tenancy.TenantContextFilter} leaves it as an exchange attribute).
 * Runs before security so that 401 answers carry the id too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Logger log = LoggerFactory.getLogger("custodia.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = offered != null && ACCEPTED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        long started = System.nanoTime();
        return chain.filter(exchange)
                .doFinally(signal -> LogFields.logFor(
                        exchange,
                        () -> log.info(
                                "{} {} {} {}ms tenant={}",
                                exchange.getRequest().getMethod(),
                                exchange.getRequest().getPath().value(),
                                exchange.getResponse().getStatusCode() == null
                                        ? "-"
                                        : exchange.getResponse().getStatusCode().value(),
                                (System.nanoTime() - started) / 1_000_000,
                                exchange.getAttributeOrDefault(LogFields.TENANT, "-"))))
                .contextWrite(context -> context.put(LogFields.REQUEST_ID, requestId));
    }

    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
