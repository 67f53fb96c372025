package io.newslens.ingest.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newslens.contracts.ArticleIngested;
import io.newslens.contracts.Topics;
import io.newslens.ingest.config.IngestConfig;
import io.newslens.ingest.model.Article;
import io.newslens.ingest.model.OutboxEvent;
import io.newslens.ingest.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka. A row is deleted only after the broker acknowledged its record, in the
 * same transaction that locked it; with Kafka away rows stay and are retried with back-off, so an
 * accepted article is never lost. Rows are locked with SKIP LOCKED, so replicas relay side by side.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    @Channel("articles-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<String> emitter;

    @Inject
    IngestConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    Tracer tracer;

    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent ignored) {
        Gauge.builder("newslens.outbox.pending", pending, AtomicLong::get)
                .description("outbox rows not yet acknowledged by Kafka").register(meters);
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        wake();
    }

    /** Asks the relay to look at the outbox now rather than at its next tick. */
    public void wake() {
        wakeups.release();
    }

    private void loop() {
        while (running) {
            try {
                wakeups.tryAcquire(500, TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
                int sent;
                do {
                    sent = relayOnce();
                } while (running && sent == config.outbox().batchSize());
                pending.set(QuarkusTransaction.requiringNew().call(OutboxEvent::pending));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay round failed, retrying: %s", e.getMessage());
                sleepQuietly(1000);
            }
        }
    }

    /** One round: lock due rows, send them, delete the acknowledged ones. Returns how many were sent. */
    int relayOnce() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            List<OutboxEvent> rows = OutboxEvent.lockDue(config.outbox().batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
            for (OutboxEvent row : rows) {
                acks.add(send(row));
            }
            int ok = 0;
            long deadline = System.nanoTime() + config.outbox().ackTimeout().toNanos();
            Instant now = Instant.now();
            for (int i = 0; i < rows.size(); i++) {
                OutboxEvent row = rows.get(i);
                try {
                    acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (ArticleIngested.EVENT_TYPE.equals(row.eventType)) {
                        Article.update("publishedToKafkaAt = ?1 where id = ?2", now, row.aggregateId);
                    }
                    row.delete();
                    ok++;
                } catch (Exception e) {
                    row.attempts++;
                    row.lastError = rootMessage(e);
                    row.nextAttemptAt = now.plus(backoff(row.attempts));
                }
            }
            if (ok < rows.size()) {
                LOG.warnf("Kafka acknowledged %d of %d outbox records; the rest are retried (%s)", ok, rows.size(),
                        rows.stream().filter(r -> r.lastError != null).map(r -> r.lastError).findFirst().orElse(""));
            }
            meters.counter("newslens.outbox.published").increment(ok);
            return ok;
        });
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Span span = relaySpan(row);
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.EVENT_TYPE_HEADER, row.eventType.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic).withKey(row.aggregateId).withHeaders(headers).build();
        // The Kafka producer span (and the traceparent header it writes) descends from the relay span, which
        // descends from the request that stored the row: the trace goes on across the outbox and the broker.
        Message<String> message = Message.of(row.payload)
                .addMetadata(metadata)
                .addMetadata(TracingMetadata.withCurrent(Context.root().with(span)))
                .withAck(() -> {
                    span.end();
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    span.setStatus(StatusCode.ERROR, rootMessage(failure));
                    span.end();
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.sendMessageAndForget(message);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, rootMessage(e));
            span.end();
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** A span from taking the row to Kafka's answer, child of the stored trace (a new trace for rows without one). */
    private Span relaySpan(OutboxEvent row) {
        Context parent = TraceContexts.fromTraceparent(row.traceparent);
        return tracer.spanBuilder("outbox relay " + row.topic)
                .setParent(parent == null ? Context.root() : parent)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("newslens.article.id", row.aggregateId)
                .setAttribute("newslens.event.type", row.eventType)
                .setAttribute("newslens.outbox.attempt", row.attempts + 1L)
                .setAttribute("newslens.outbox.waited.ms", Duration.between(row.createdAt, Instant.now()).toMillis())
                .startSpan();
    }

    private Duration backoff(int attempts) {
        long millis = config.outbox().initialBackoff().toMillis() << Math.min(attempts - 1, 16);
        return Duration.ofMillis(Math.min(millis, config.outbox().maxBackoff().toMillis()));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getClass().getSimpleName() + ": " + t.getMessage();
        return m.length() > 500 ? m.substring(0, 500) : m;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
