package io.newslens.nlp.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.newslens.contracts.ArticleAnnotated;
import io.newslens.contracts.ArticleIngested;
import io.newslens.contracts.ArticleRemoved;
import io.newslens.contracts.Annotations;
import io.newslens.contracts.Topics;
import io.newslens.nlp.config.NlpConfig;
import io.newslens.nlp.service.NlpPipeline;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * Tags each ingested article and publishes the result. The incoming record is acknowledged (and its offset
 * committed) only once Kafka acknowledged the annotated one; a record that still fails after the retries is
 * nacked and lands on the dead-letter topic with the reason, and the stream moves on. At most
 * {@code newslens.nlp.concurrency} articles are in work at once: the rest wait in Kafka.
 */
@ApplicationScoped
public class ArticleAnnotator {

    private static final Logger LOG = Logger.getLogger(ArticleAnnotator.class);
    private static final int ATTEMPTS = 3;

    @Inject
    NlpPipeline pipeline;
    @Inject
    NlpConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry meters;

    @Incoming("articles-in")
    @Outgoing("articles-annotated")
    @Blocking(value = "nlp-workers", ordered = false)
    public Message<String> annotate(Message<String> in) {
        try {
            return annotateOrFail(in);
        } catch (Exception | LinkageError | StackOverflowError | AssertionError e) {
            // With a Message-in/Message-out signature, SmallRye would fail the whole stream on a thrown exception:
            // nack this record instead (the dead-letter strategy publishes it with the reason) and skip it.
            LOG.warnf("article record goes to the dead-letter topic: %s", e.getMessage());
            in.nack(e);
            return null;
        }
    }

    private Message<String> annotateOrFail(Message<String> in) throws Exception {
        String key = in.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> (Object) m.getKey()).map(String::valueOf)
                .orElse(null);
        String eventType = in.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> header(m, Topics.EVENT_TYPE_HEADER))
                .orElse(null);
        String payload = in.getPayload();
        if (payload == null || payload.isBlank()) {
            throw new PoisonMessageException("empty record");
        }
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (Exception e) {
            throw new PoisonMessageException("not JSON: " + e.getMessage());
        }
        if (ArticleRemoved.EVENT_TYPE.equals(eventType) || (eventType == null && node.has("removedAt"))) {
            ArticleRemoved removed = json.treeToValue(node, ArticleRemoved.class);
            return forward(in, removed.id(), ArticleRemoved.EVENT_TYPE, payload);
        }
        ArticleIngested article;
        try {
            article = json.treeToValue(node, ArticleIngested.class);
        } catch (Exception e) {
            throw new PoisonMessageException("not an ArticleIngested event: " + e.getMessage());
        }
        if (article.id() == null || article.text() == null || article.text().isBlank()) {
            throw new PoisonMessageException("ArticleIngested without id or text");
        }
        if (article.schemaVersion() > ArticleIngested.SCHEMA_VERSION) {
            throw new PoisonMessageException("schema version " + article.schemaVersion() + " is newer than this service reads");
        }
        if (article.text().length() > config.maxTextChars()) {
            throw new PoisonMessageException("text of " + article.text().length() + " characters exceeds the limit of "
                    + config.maxTextChars());
        }
        long started = System.nanoTime();
        Annotations annotations = annotateWithRetries(article);
        long millis = (System.nanoTime() - started) / 1_000_000;
        ArticleAnnotated out = new ArticleAnnotated(ArticleAnnotated.SCHEMA_VERSION, article.id(), config.pipelineVersion(),
                article.url(), article.source(), article.title(), article.byline(), article.publishedAt(), article.language(),
                article.text(), article.textHash(), article.ingestedAt(), article.duplicateOf(), Instant.now(), millis,
                annotations);
        meters.counter("newslens.articles.annotated").increment();
        return forward(in, key != null ? key : article.id(), ArticleAnnotated.EVENT_TYPE, json.writeValueAsString(out));
    }

    private Annotations annotateWithRetries(ArticleIngested article) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return pipeline.annotate(article.title(), article.text(), article.publishedAt());
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("annotating %s failed (attempt %d of %d): %s", article.id(), attempt, ATTEMPTS, e.toString());
            } catch (LinkageError | StackOverflowError | AssertionError e) {
                // an error in one article's processing must not stop the stream: it becomes this record's failure
                last = new IllegalStateException("pipeline error: " + e, e);
                LOG.warnf("annotating %s failed (attempt %d of %d): %s", article.id(), attempt, ATTEMPTS, e.toString());
            }
        }
        meters.counter("newslens.articles.failed").increment();
        throw last;
    }

    private static Message<String> forward(Message<String> in, String key, String eventType, String payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.EVENT_TYPE_HEADER, eventType.getBytes(StandardCharsets.UTF_8));
        return in.withPayload(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key)
                .withHeaders(headers).build());
    }

    private static String header(IncomingKafkaRecordMetadata<?, ?> metadata, String name) {
        Header h = metadata.getHeaders().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A record that no retry can fix: straight to the dead-letter topic. */
    public static class PoisonMessageException extends RuntimeException {
        public PoisonMessageException(String message) {
            super(message);
        }
    }
}
