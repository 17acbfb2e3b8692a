package org.custodia.tenancy;

import org.custodia.shared.observability.LogFields;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The tenant of the current request, carried in the Reactor context. It is written once, by {@link
 * TenantContextFilter} from the authenticated token, and read by the transaction manager; nothing else sets it.
 */
public final class TenantContext {

    private TenantContext() {}

    public static Context with(Context context, Tenant tenant) {
        return with(context, tenant.id(), tenant.code());
    }

    public static Context with(Context context, TenantId tenant, String code) {
        return context.put(TenantId.class, tenant).put(LogFields.TENANT, code);
    }

    /** The caller's tenant, or empty for a platform-realm caller or work outside a request. */
    public static Mono<TenantId> current() {
        return Mono.deferContextual(ctx -> Mono.justOrEmpty(ctx.getOrEmpty(TenantId.class)));
    }

    /** The caller's tenant, or an error: tenant-owned data is never read for "no tenant". */
    public static Mono<TenantId> require() {
        return current().switchIfEmpty(Mono.error(MissingTenantException::new));
    }
}
