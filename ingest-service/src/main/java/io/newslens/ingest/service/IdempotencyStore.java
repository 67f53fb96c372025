package io.newslens.ingest.service;

import io.newslens.ingest.model.IdempotencyRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Remembers answers to POSTs sent with an Idempotency-Key, so a client's retry gets the same answer. */
@ApplicationScoped
public class IdempotencyStore {

    public record Stored(int status, String body, boolean sameRequest) {
    }

    public Optional<Stored> find(String principal, String key, String requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.findByKey(principal, key)
                .map(r -> new Stored(r.responseStatus, r.responseBody, r.requestHash.equals(requestHash))));
    }

    public void remember(String principal, String key, String requestHash, int status, String body) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                IdempotencyRecord r = new IdempotencyRecord();
                r.principal = principal;
                r.idempotencyKey = key;
                r.requestHash = requestHash;
                r.responseStatus = status;
                r.responseBody = body;
                r.createdAt = Instant.now();
                r.persist();
            });
        } catch (RuntimeException e) {
            // a concurrent retry stored it first: its answer stands
        }
    }
}
