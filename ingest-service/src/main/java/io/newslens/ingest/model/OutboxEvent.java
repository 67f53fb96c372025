package io.newslens.ingest.model;

import io.newslens.ingest.tracing.TraceContexts;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A record waiting to be published to Kafka; it is deleted once the broker acknowledged it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "aggregate_id")
    public String aggregateId;
    public String topic;
    @Column(name = "event_type")
    public String eventType;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    /** The W3C traceparent of the work that wrote the row (null outside a trace): the relay continues it. */
    public String traceparent;

    public static OutboxEvent of(String aggregateId, String topic, String eventType, String payload) {
        OutboxEvent e = new OutboxEvent();
        e.aggregateId = aggregateId;
        e.topic = topic;
        e.eventType = eventType;
        e.payload = payload;
        e.createdAt = Instant.now();
        e.nextAttemptAt = e.createdAt;
        e.traceparent = TraceContexts.currentTraceparent();
        return e;
    }

    /**
     * Locks the oldest due rows, skipping rows another replica's relay holds, so several replicas relay
     * in parallel without sending a row twice.
     */
    public static List<OutboxEvent> lockDue(int limit) {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> rows = getEntityManager().createNativeQuery(
                "SELECT * FROM outbox_event WHERE next_attempt_at <= now() ORDER BY id LIMIT :limit"
                        + " FOR UPDATE SKIP LOCKED", OutboxEvent.class)
                .setParameter("limit", limit).getResultList();
        return rows;
    }

    public static long pending() {
        return count();
    }

    public static long deleteForArticle(String articleId) {
        return delete("aggregateId", articleId);
    }
}
