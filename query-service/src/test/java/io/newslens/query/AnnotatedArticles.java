package io.newslens.query;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.newslens.contracts.ArticleAnnotated;
import io.newslens.contracts.ArticleRemoved;
import io.newslens.contracts.Annotations;
import io.newslens.contracts.SourceRef;
import io.newslens.contracts.Topics;
import io.newslens.testsupport.KafkaTestResource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds annotated articles the way nlp-service publishes them and sends them through the real broker, so
 * tests exercise the consumer, not a shortcut into the database.
 */
public final class AnnotatedArticles {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, String> producer;

    private AnnotatedArticles() {
    }

    /** An article under construction: text with named entities marked where they occur. */
    public static final class Builder {
        final String id = UUID.randomUUID().toString().replace("-", "");
        String title = "Untitled";
        String source = "Test Wire";
        String language = "en";
        Instant publishedAt = Instant.parse("2024-05-01T10:00:00Z");
        String pipelineVersion = "2026.11.1";
        final StringBuilder text = new StringBuilder();
        final List<Annotations.Mention> mentions = new ArrayList<>();
        final List<Annotations.Entity> entities = new ArrayList<>();
        final List<Annotations.Quote> quotes = new ArrayList<>();
        final List<Annotations.Event> events = new ArrayList<>();
        float[] embedding;

        public Builder title(String t) {
            title = t;
            return this;
        }

        public Builder source(String s) {
            source = s;
            return this;
        }

        public Builder language(String l) {
            language = l;
            return this;
        }

        public Builder publishedAt(String iso) {
            publishedAt = Instant.parse(iso);
            return this;
        }

        public Builder version(String v) {
            pipelineVersion = v;
            return this;
        }

        public Builder embedding(float[] v) {
            embedding = v;
            return this;
        }

        public Builder text(String t) {
            text.append(t);
            return this;
        }

        /** Appends a name and records its mention of the entity (created on first use). */
        public Builder entity(String entityId, String name, String type) {
            int start = text.length();
            text.append(name);
            mentions.add(new Annotations.Mention(start, text.length(), name, type, null, entityId));
            if (entities.stream().noneMatch(e -> e.id().equals(entityId))) {
                entities.add(new Annotations.Entity(entityId, name, type, null, List.of(), null, 1, 0.2, null));
            } else {
                entities.replaceAll(e -> e.id().equals(entityId) ? new Annotations.Entity(e.id(), e.name(), e.type(),
                        e.subtype(), e.aliases(), e.wikipedia(), e.mentionCount() + 1, e.salience(), e.sentiment()) : e);
            }
            return this;
        }

        /** Appends a quote attributed to an entity. */
        public Builder quote(String quote, String speakerId, String speakerName) {
            int start = text.length();
            text.append('"').append(quote).append('"');
            quotes.add(new Annotations.Quote(start, text.length(), quote, speakerId, speakerName, 0.9, null, null));
            return this;
        }

        public Builder event(String type, List<String> participants, String place, String time, String evidence) {
            events.add(new Annotations.Event(type, participants, place, time, evidence, 0, evidence.length(), 0.8));
            return this;
        }

        public String id() {
            return id;
        }

        public ArticleAnnotated build() {
            String t = text.toString();
            Annotations a = new Annotations(List.of(new Annotations.Sentence(0, t.length())), mentions, entities, List.of(),
                    quotes, events, List.of(), new Annotations.Sentiment(0, "neutral"), embedding);
            return new ArticleAnnotated(ArticleAnnotated.SCHEMA_VERSION, id, pipelineVersion, "https://example.org/" + id,
                    new SourceRef(source, source.toLowerCase().replace(' ', '-') + ".example"), title, null, publishedAt,
                    language, t, null, publishedAt, null, Instant.now(), 5, a);
        }
    }

    public static Builder article() {
        return new Builder();
    }

    public static synchronized void send(String key, Object event, String eventType) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ARTICLES_ANNOTATED, key,
                    event instanceof String s ? s : JSON.writeValueAsString(event));
            if (eventType != null) {
                record.headers().add(Topics.EVENT_TYPE_HEADER, eventType.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publish(ArticleAnnotated a) {
        send(a.id(), a, ArticleAnnotated.EVENT_TYPE);
    }

    public static void remove(String id) {
        send(id, new ArticleRemoved(ArticleRemoved.SCHEMA_VERSION, id, Instant.now(), "test", "takedown"), ArticleRemoved.EVENT_TYPE);
    }

    /** Publishes and waits until the read model holds the article at that pipeline version. */
    public static String publishAndWait(ArticleAnnotated a) {
        publish(a);
        awaitVersion(a.id(), a.pipelineVersion());
        return a.id();
    }

    public static void awaitVersion(String id, String version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> version.equals(column(id, "pipeline_version")));
    }

    /** Reads one column of the article row straight from the read model's database. */
    public static String column(String id, String column) {
        try (Connection c = DriverManager.getConnection(io.newslens.testsupport.PostgresTestResource.jdbcUrl("newslens_query_qt"),
                "postgres", ""); PreparedStatement ps = c.prepareStatement("SELECT " + column + "::text FROM article WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
