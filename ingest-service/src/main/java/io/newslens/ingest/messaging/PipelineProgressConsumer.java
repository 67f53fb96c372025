package io.newslens.ingest.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.contracts.Topics;
import io.newslens.ingest.model.Article;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Learns how far each article got from the downstream topics: searchable (query-service's
 * {@code articles.indexed}) or failed (nlp-service's dead-letter topic), for the status endpoint.
 */
@ApplicationScoped
public class PipelineProgressConsumer {

    private static final Logger LOG = Logger.getLogger(PipelineProgressConsumer.class);

    @Inject
    ObjectMapper json;

    @Incoming("pipeline-progress")
    @Blocking
    @Transactional
    public void onProgress(ConsumerRecord<String, String> record) throws Exception {
        String topic = record.topic();
        String payload = record.value();
        if (Topics.ARTICLES_INGESTED_DLQ.equals(topic)) {
            String id = record.key();
            if (id == null && payload != null) {
                JsonNode node = json.readTree(payload);
                id = node.path("id").asText(null);
            }
            if (id != null) {
                String reason = header(record.headers(), "dead-letter-reason");
                Article.update("failedAt = ?1, failureReason = ?2 where id = ?3", Instant.now(),
                        reason == null ? "nlp-service could not process it" : reason, id);
            }
        } else if (Topics.ARTICLES_INDEXED.equals(topic) && payload != null) {
            JsonNode node = json.readTree(payload);
            String id = node.path("id").asText();
            Article.update("indexedAt = ?1, annotatedAt = ?2, pipelineVersion = ?3, storyId = ?4,"
                    + " failedAt = null, failureReason = null where id = ?5",
                    instant(node, "indexedAt"), instant(node, "annotatedAt"), node.path("pipelineVersion").asText(null),
                    node.path("storyId").asText(null), id);
        } else {
            LOG.debugf("ignoring a record from %s", topic);
        }
    }

    private static Instant instant(JsonNode node, String field) {
        String v = node.path(field).asText(null);
        return v == null ? null : Instant.parse(v);
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
