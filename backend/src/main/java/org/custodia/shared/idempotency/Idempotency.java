package org.custodia.shared.idempotency;

import io.r2dbc.postgresql.codec.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.custodia.security.CallerAuthentication;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.UnprocessableException;
import org.custodia.shared.persistence.JsonDocuments;
import org.custodia.tenancy.TenantContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a state-changing request safe to retry: the first request with a given {@link IdempotencyKey} does its work
 * and its response is stored under the key; the same request again gets that response back, without acting twice; the
 * key with a different request is refused (422). Keys belong to the caller: tenant (row-level security) and token
 * subject.
 *
 * <p>Call it inside the tenant transaction that does the work. A transaction-scoped advisory lock on the key makes
 * concurrent duplicates wait for the first to commit, after which they find its response. Only successful responses
 * are kept: work that fails rolls back with the transaction, and the request may be corrected and sent again with the
 * same key.
 */
@Component
public class Idempotency {

    /**
     * What the request does, to tell a retry from a different request reusing the key.
     *
     * @param operation e.g. {@code SUBMIT_ASSESSMENT}
     * @param targetId the record acted on
     * @param body the request body as received (hashed as the application serialises it)
     */
    public record Request(String operation, UUID targetId, Object body) {}

    /** @param replayed true when the response is the stored answer to an earlier request with the same key */
    public record Outcome<T>(T response, boolean replayed) {}

    private final DatabaseClient db;
    private final JsonDocuments documents;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(DatabaseClient db, JsonDocuments documents, JsonMapper json, Clock clock) {
        this.db = db;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
    }

    public <T> Mono<Outcome<T>> once(
            IdempotencyKey key, Request request, Class<T> responseType, Supplier<Mono<T>> work) {
        byte[] hash = hash(request);
        return Mono.zip(TenantContext.require(), subject())
                .flatMap(scope -> lock(scope.getT1() + ":" + scope.getT2(), key)
                        .then(stored(scope.getT2(), key))
                        .map(earlier -> {
                            if (!earlier.matches(request, hash)) {
                                throw new UnprocessableException(
                                        "This Idempotency-Key was used for a different request.",
                                        List.of(new FieldError(
                                                IdempotencyKey.HEADER,
                                                "was used for another request; send a new key for a new request")));
                            }
                            return new Outcome<>(documents.read(earlier.response(), responseType), true);
                        })
                        .switchIfEmpty(Mono.defer(work)
                                .flatMap(response -> remember(scope.getT2(), key, request, hash, response)
                                        .thenReturn(new Outcome<>(response, false)))));
    }

    private Mono<Void> lock(String owner, IdempotencyKey key) {
        return db.sql("select pg_advisory_xact_lock(hashtextextended(:scope, 0))")
                .bind("scope", "idempotency:" + owner + ":" + key.value())
                .then();
    }

    private Mono<StoredKey> stored(String subject, IdempotencyKey key) {
        return db.sql("select operation, target_id, request_hash, response from idempotency_key"
                        + " where subject = :subject and key = :key")
                .bind("subject", subject)
                .bind("key", key.value())
                .map(row -> new StoredKey(
                        row.get("operation", String.class),
                        row.get("target_id", UUID.class),
                        row.get("request_hash", byte[].class),
                        row.get("response", Json.class)))
                .one();
    }

    private Mono<Void> remember(String subject, IdempotencyKey key, Request request, byte[] hash, Object response) {
        return db.sql("insert into idempotency_key (subject, key, operation, target_id, request_hash, response,"
                        + " created_at) values (:subject, :key, :operation, :target, :hash, :response, :now)")
                .bind("subject", subject)
                .bind("key", key.value())
                .bind("operation", request.operation())
                .bind("target", request.targetId())
                .bind("hash", hash)
                .bind("response", documents.write(response))
                .bind("now", clock.instant())
                .then();
    }

    private byte[] hash(Request request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.operation() + "\n" + request.targetId() + "\n").getBytes(StandardCharsets.UTF_8));
            return digest.digest(json.writeValueAsBytes(request.body()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static Mono<String> subject() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance)
                .map(authentication ->
                        ((CallerAuthentication) authentication).caller().subject())
                .switchIfEmpty(
                        Mono.error(new IllegalStateException("Idempotency keys belong to an authenticated caller")));
    }

    private record StoredKey(String operation, UUID targetId, byte[] requestHash, Json response) {

        boolean matches(Request request, byte[] hash) {
            return operation.equals(request.operation())
                    && targetId.equals(request.targetId())
                    && Arrays.equals(requestHash, hash);
        }
    }
}
