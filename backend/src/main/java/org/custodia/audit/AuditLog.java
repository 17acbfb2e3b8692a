package org.custodia.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.custodia.shared.observability.LogFields;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an auditor can do with the trail: read it, filtered and paged, and check that the chain holds. */
@Service
public class AuditLog {

    private static final String COLUMNS = "seq, id, occurred_at, actor_subject, actor_name, action, entity_type,"
            + " entity_id, request_id, before::text as before, after::text as after, hash";

    private final DatabaseClient db;
    private final TenantTransactions tx;
    private final JsonMapper json;
    private final MeterRegistry meters;

    AuditLog(DatabaseClient db, TenantTransactions tx, JsonMapper json, MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.json = json;
        this.meters = meters;
    }

    public Mono<AuditPage> entries(AuditFilter filter) {
        List<String> where = new ArrayList<>();
        List<Object[]> binds = new ArrayList<>();
        condition(where, binds, "action = :action", "action", filter.action());
        condition(where, binds, "entity_type = :entityType", "entityType", filter.entityType());
        condition(where, binds, "entity_id = :entityId", "entityId", filter.entityId());
        condition(where, binds, "actor_name = :actor", "actor", filter.actor());
        condition(where, binds, "occurred_at >= :from", "from", filter.from());
        condition(where, binds, "occurred_at < :to", "to", filter.to());
        condition(where, binds, "seq < :beforeSeq", "beforeSeq", filter.beforeSeq());
        String sql = "select " + COLUMNS + " from audit_entry"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by seq desc limit :limit";
        int limit = filter.limit();
        return tx.read(() -> {
                    DatabaseClient.GenericExecuteSpec query = db.sql(sql).bind("limit", limit + 1);
                    for (Object[] bind : binds) {
                        query = query.bind((String) bind[0], bind[1]);
                    }
                    return query.map((row, meta) -> view(row)).all().collectList();
                })
                .map(rows -> {
                    boolean more = rows.size() > limit;
                    List<AuditEntryView> page = rows.stream().limit(limit).toList();
                    return new AuditPage(page, more ? page.get(page.size() - 1).seq() : null);
                });
    }

    /**
     * Recomputes the tenant's chain from its first entry, every seal, then checks that the head agrees with the last
     * entry (so entries removed from the end are noticed too). A broken chain counts in
     * {@code custodia_audit_chain_verification_failures_total{tenant}}, which the chart's alert watches.
     */
    public Mono<ChainVerification> verify() {
        return walk().flatMap(result -> result.intact()
                ? Mono.just(result)
                : Mono.deferContextual(context -> {
                    meters.counter(
                                    "custodia.audit.chain.verification.failures",
                                    "tenant",
                                    context.getOrDefault(LogFields.TENANT, "unknown"))
                            .increment();
                    return Mono.just(result);
                }));
    }

    /** The chain is recomputed in the database, by the same function that sealed it (ADR 0008). */
    private Mono<ChainVerification> walk() {
        return tx.read(() -> db.sql("select checked, broken_seq, broken_id, reason from app_audit_verify()")
                .map(row -> {
                    long checked = row.get("checked", Long.class);
                    Long brokenSeq = row.get("broken_seq", Long.class);
                    return brokenSeq == null
                            ? ChainVerification.intact(checked)
                            : ChainVerification.broken(
                                    checked,
                                    new ChainVerification.BrokenLink(
                                            brokenSeq,
                                            row.get("broken_id", UUID.class),
                                            row.get("reason", String.class)));
                })
                .one());
    }

    private AuditEntryView view(Readable row) {
        return new AuditEntryView(
                row.get("seq", Long.class),
                row.get("id", UUID.class),
                row.get("occurred_at", Instant.class),
                row.get("actor_subject", String.class),
                row.get("actor_name", String.class),
                row.get("action", String.class),
                row.get("entity_type", String.class),
                row.get("entity_id", UUID.class),
                row.get("request_id", String.class),
                document(row.get("before", String.class)),
                document(row.get("after", String.class)),
                HexFormat.of().formatHex(row.get("hash", byte[].class)));
    }

    private JsonNode document(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static void condition(List<String> where, List<Object[]> binds, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            binds.add(new Object[] {name, value});
        }
    }
}
