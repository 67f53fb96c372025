package io.newslens.ingest.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The first answer to a POST with an Idempotency-Key, per caller. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    public String principal;
    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;
    @Column(name = "response_status")
    public int responseStatus;
    @Column(name = "response_body")
    public String responseBody;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<IdempotencyRecord> findByKey(String principal, String key) {
        return find("principal = ?1 and idempotencyKey = ?2", principal, key).firstResultOptional();
    }

    public static class Key implements Serializable {
        public String principal;
        public String idempotencyKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(principal, k.principal) && Objects.equals(idempotencyKey, k.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(principal, idempotencyKey);
        }
    }
}
