package org.custodia.shared.observability;

import io.micrometer.context.ContextRegistry;
import java.util.List;
import org.slf4j.MDC;

/**
 * Fields every log line carries, taken from the Reactor context. Only ids and codes go here, never personal data.
 */
public final class LogFields {

    public static final String REQUEST_ID = "requestId";
    public static final String TENANT = "tenant";

    private LogFields() {}

    /**
     * Lets Reactor's automatic context propagation ({@code spring.reactor.context-propagation=auto}) copy these
     * context entries into the logging MDC on whichever thread runs the next operator.
     */
    public static void propagateToMdc() {
        for (String key : List.of(REQUEST_ID, TENANT)) {
            ContextRegistry.getInstance()
                    .registerThreadLocalAccessor(
                            key, () -> MDC.get(key), value -> MDC.put(key, value.toString()), () -> MDC.remove(key));
        }
    }
}
