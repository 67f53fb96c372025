package io.newslens.nlp.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.contracts.ArticleIngested;
import io.newslens.contracts.SourceRef;
import io.newslens.contracts.Topics;
import io.newslens.testsupport.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The stream through the real broker: ingested in, annotated out, poison to the dead-letter topic. */
@QuarkusTest
class ArticleAnnotatorTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static void send(String key, String value, String eventType) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> r = new ProducerRecord<>(Topics.ARTICLES_INGESTED, key, value);
            if (eventType != null) {
                r.headers().add(Topics.EVENT_TYPE_HEADER, eventType.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(r).get();
        }
    }

    static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (match.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    static String article(String id, String text) throws Exception {
        return JSON.writeValueAsString(new ArticleIngested(ArticleIngested.SCHEMA_VERSION, id, null,
                new SourceRef("Test Wire", null), "Test", null, Instant.parse("2025-03-09T10:00:00Z"), "en", text, "h",
                Instant.now(), null, Instant.now()));
    }

    @Test
    void ingestedArticleIsAnnotatedAndPublishedUnderItsId() throws Exception {
        String id = "t" + UUID.randomUUID().toString().replace("-", "");
        send(id, article(id, "Kenyan president William Ruto met Tanzanian president Samia Suluhu Hassan in Arusha on Monday."),
                ArticleIngested.EVENT_TYPE);
        List<ConsumerRecord<String, String>> out = await(Topics.ARTICLES_ANNOTATED, r -> id.equals(r.key()));
        assertEquals(1, out.size());
        JsonNode annotated = JSON.readTree(out.get(0).value());
        assertEquals(id, annotated.get("id").asText());
        assertNotNull(annotated.get("pipelineVersion").asText(null));
        List<String> people = new ArrayList<>();
        annotated.get("annotations").get("entities").forEach(e -> {
            if ("PERSON".equals(e.get("type").asText())) {
                people.add(e.get("name").asText());
            }
        });
        assertTrue(people.contains("William Ruto") && people.contains("Samia Suluhu Hassan"), people.toString());
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicWithItsReasonAndTheStreamMovesOn() throws Exception {
        String poison = "p" + UUID.randomUUID().toString().replace("-", "");
        send(poison, "{this is not json", null);
        String after = "a" + UUID.randomUUID().toString().replace("-", "");
        send(after, article(after, "The mayor of Cork, Dan Boyle, opened the new library on Tuesday."), ArticleIngested.EVENT_TYPE);
        List<ConsumerRecord<String, String>> dead = await(Topics.ARTICLES_INGESTED_DLQ, r -> poison.equals(r.key()));
        assertEquals(1, dead.size());
        assertNotNull(dead.get(0).headers().lastHeader("dead-letter-reason"), "the reason travels with the record");
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("not JSON"), reason);
        assertEquals(1, await(Topics.ARTICLES_ANNOTATED, r -> after.equals(r.key())).size(), "the next article still flows");
    }
}
