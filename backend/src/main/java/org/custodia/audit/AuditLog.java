package org.custodia.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

    private static final String COLUMNS = "tenant_id, seq, id, occurred_at, actor_subject, actor_name, action,"
            + " entity_type, entity_id, request_id, before::text as before, after::text as after, previous_hash, hash";

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
                    return query.map((row, meta) -> StoredEntry.of(row)).all().collectList();
                })
                .map(rows -> {
                    boolean more = rows.size() > limit;
                    List<AuditEntryView> page =
                            rows.stream().limit(limit).map(this::view).toList();
                    return new AuditPage(page, more ? page.get(page.size() - 1).seq() : null);
                });
    }

    /**
     * Walks the tenant's chain from its first entry, recomputing every seal, then checks that the head agrees with
     * the last entry (so entries removed from the end are noticed too). A broken chain counts in
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

    private Mono<ChainVerification> walk() {
        return tx.read(() -> {
            ChainWalk walk = new ChainWalk();
            return db.sql("select " + COLUMNS + " from audit_entry order by seq")
                    .map((row, meta) -> StoredEntry.of(row))
                    .all()
                    .takeWhile(walk::accept)
                    .then(Mono.defer(() -> walk.broken() != null
                            ? Mono.just(ChainVerification.broken(walk.checked(), walk.broken()))
                            : head().map(walk::finish).defaultIfEmpty(walk.finish(ChainWalk.EMPTY_HEAD))));
        });
    }

    private Mono<StoredHead> head() {
        return db.sql("select seq, hash from audit_chain_head")
                .map(row -> new StoredHead(row.get("seq", Long.class), row.get("hash", byte[].class)))
                .one();
    }

    private AuditEntryView view(StoredEntry entry) {
        ChainedEntry e = entry.entry();
        return new AuditEntryView(
                e.seq(),
                e.id(),
                e.occurredAt(),
                e.actorSubject(),
                e.actorName(),
                e.action(),
                e.entityType(),
                e.entityId(),
                e.requestId(),
                document(e.before()),
                document(e.after()),
                HexFormat.of().formatHex(entry.hash()));
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

    record StoredHead(long seq, byte[] hash) {}

    private record StoredEntry(ChainedEntry entry, byte[] previousHash, byte[] hash) {
        static StoredEntry of(io.r2dbc.spi.Readable row) {
            return new StoredEntry(
                    new ChainedEntry(
                            row.get("tenant_id", UUID.class),
                            row.get("seq", Long.class),
                            row.get("id", UUID.class),
                            row.get("occurred_at", Instant.class),
                            row.get("actor_subject", String.class),
                            row.get("actor_name", String.class),
                            row.get("action", String.class),
                            row.get("entity_type", String.class),
                            row.get("entity_id", UUID.class),
                            row.get("request_id", String.class),
                            row.get("before", String.class),
                            row.get("after", String.class)),
                    row.get("previous_hash", byte[].class),
                    row.get("hash", byte[].class));
        }
    }

    /** The state of one verification as it reads the chain in order. */
    private static final class ChainWalk {

        static final StoredHead EMPTY_HEAD = new StoredHead(0, ChainedEntry.GENESIS);

        private long expectedSeq = 1;
        private byte[] previousHash = ChainedEntry.GENESIS;
        private long checked;
        private ChainVerification.BrokenLink broken;

        boolean accept(StoredEntry stored) {
            ChainedEntry entry = stored.entry();
            checked++;
            if (entry.seq() != expectedSeq) {
                broken = new ChainVerification.BrokenLink(
                        expectedSeq, null, "the entry is missing: the chain jumps to " + entry.seq());
            } else if (!Arrays.equals(stored.previousHash(), previousHash)) {
                broken = new ChainVerification.BrokenLink(
                        entry.seq(), entry.id(), "it does not point to the entry before it");
            } else if (!Arrays.equals(entry.hash(previousHash), stored.hash())) {
                broken = new ChainVerification.BrokenLink(
                        entry.seq(), entry.id(), "its content does not match its seal: it was changed after writing");
            } else {
                expectedSeq++;
                previousHash = stored.hash();
                return true;
            }
            return false;
        }

        ChainVerification.BrokenLink broken() {
            return broken;
        }

        long checked() {
            return checked;
        }

        ChainVerification finish(StoredHead head) {
            long last = expectedSeq - 1;
            if (head.seq() != last) {
                return ChainVerification.broken(
                        checked,
                        new ChainVerification.BrokenLink(
                                last + 1,
                                null,
                                "the chain records " + head.seq() + " entries but only " + last + " are present"));
            }
            if (!Arrays.equals(head.hash(), previousHash)) {
                return ChainVerification.broken(
                        checked,
                        new ChainVerification.BrokenLink(last, null, "the chain's head does not seal its last entry"));
            }
            return ChainVerification.intact(checked);
        }
    }
}
