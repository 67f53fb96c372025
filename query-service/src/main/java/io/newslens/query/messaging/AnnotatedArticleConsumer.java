package io.newslens.query.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.newslens.contracts.ArticleAnnotated;
import io.newslens.contracts.ArticleIndexed;
import io.newslens.contracts.ArticleRemoved;
import io.newslens.contracts.Topics;
import io.newslens.query.service.ReadModelWriter;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Builds the read model from {@code articles.annotated}. The method returns (and the offset may be committed)
 * only after the database transaction committed; while the database is unreachable it keeps retrying the same
 * record instead of skipping it. Records that can never be applied (not JSON, unknown shape) are nacked to
 * the dead-letter topic.
 */
@ApplicationScoped
public class AnnotatedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(AnnotatedArticleConsumer.class);

    @Inject
    ReadModelWriter writer;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry meters;
    @Inject
    Event<ArticleIndexed> indexedEvents;

    @Inject
    @Channel("articles-indexed")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    MutinyEmitter<String> indexed;

    @Incoming("articles-annotated")
    @Blocking(ordered = true)
    public void onAnnotated(ConsumerRecord<String, String> record) throws Exception {
        String payload = record.value();
        if (payload == null || payload.isBlank()) {
            throw new IllegalArgumentException("empty record on " + record.topic() + " at offset " + record.offset());
        }
        JsonNode node = json.readTree(payload);
        String eventType = header(record, Topics.EVENT_TYPE_HEADER);
        if (ArticleRemoved.EVENT_TYPE.equals(eventType) || (eventType == null && node.has("removedAt"))) {
            ArticleRemoved removed = json.treeToValue(node, ArticleRemoved.class);
            retrying(() -> {
                writer.remove(removed);
                return null;
            }, removed.id());
            meters.counter("newslens.articles.removed").increment();
            return;
        }
        ArticleAnnotated article = json.treeToValue(node, ArticleAnnotated.class);
        if (article.id() == null || article.text() == null || article.pipelineVersion() == null) {
            throw new IllegalArgumentException("ArticleAnnotated without id, text or pipelineVersion");
        }
        ReadModelWriter.Outcome outcome = retrying(() -> writer.apply(article), article.id());
        if (outcome.result() == ReadModelWriter.Result.APPLIED) {
            meters.counter("newslens.articles.indexed").increment();
        }
        if (outcome.result() != ReadModelWriter.Result.REMOVED) {
            ArticleIndexed event = new ArticleIndexed(ArticleIndexed.SCHEMA_VERSION, article.id(), article.pipelineVersion(),
                    outcome.storyId(), article.annotatedAt(), Instant.now());
            indexed.sendMessageAndForget(Message.of(json.writeValueAsString(event))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build()));
            if (outcome.result() == ReadModelWriter.Result.APPLIED) {
                indexedEvents.fire(event);
            }
        }
    }

    /** Transient failures (the database away) are retried with back-off until they pass: no record is skipped. */
    private <T> T retrying(java.util.concurrent.Callable<T> work, String id) throws Exception {
        long backoff = 200;
        int attempt = 0;
        while (true) {
            try {
                return work.call();
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (Exception e) {
                attempt++;
                if (!isTransient(e) && attempt >= 5) {
                    throw e;
                }
                LOG.warnf("applying %s failed (attempt %d), retrying in %d ms: %s", id, attempt, backoff, rootMessage(e));
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.net.ConnectException || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("40")
                            || sql.getSQLState().startsWith("53") || sql.getSQLState().startsWith("57"))) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.contains("Connection") || name.contains("Acquisition") || name.contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
