package org.custodia.shared.observability;

import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * Fields every request's log lines carry. Only ids and codes go here, never personal data.
 *
 * <p>They are put into the logging MDC only around the few lines a request logs, from the exchange's attributes,
 * rather than by Reactor's automatic context propagation: that restores thread-locals on every signal of every
 * operator, which cost a measurable share of the CPU of each request (docs/benchmarks.md).
 */
public final class LogFields {

    public static final String REQUEST_ID = "requestId";
    public static final String TENANT = "tenant";

    private LogFields() {}

    /** Runs {@code logging} with the exchange's request id and tenant code in the MDC. */
    public static void logFor(ServerWebExchange exchange, Runnable logging) {
        String tenant = exchange.getAttribute(TENANT);
        try (MDC.MDCCloseable requestId = MDC.putCloseable(REQUEST_ID, RequestIdFilter.of(exchange));
                MDC.MDCCloseable tenantCode = tenant == null ? null : MDC.putCloseable(TENANT, tenant)) {
            logging.run();
        }
    }
}
