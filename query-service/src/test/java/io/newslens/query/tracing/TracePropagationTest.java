package io.newslens.query.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.newslens.contracts.ArticleAnnotated;
import io.newslens.contracts.Topics;
import io.newslens.query.AnnotatedArticles;
import io.newslens.testsupport.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The trace of an annotated record goes on in the articles.indexed record query-service publishes once it is stored. */
@QuarkusTest
class TracePropagationTest {

    @Test
    void theIndexedRecordContinuesTheAnnotatedRecordsTrace() throws Exception {
        String traceId = hex(16);
        String upstreamSpanId = hex(8);
        ArticleAnnotated article = AnnotatedArticles.article().title("Ferry line resumes").text("The ferry between ")
                .entity("e_test_trace_gdynia", "Gdynia", "LOCATION").text(" and Karlskrona resumed on Friday.").build();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ARTICLES_ANNOTATED, article.id(),
                    AnnotatedArticles.JSON.writeValueAsString(article));
            record.headers().add(Topics.EVENT_TYPE_HEADER, ArticleAnnotated.EVENT_TYPE.getBytes(StandardCharsets.UTF_8));
            record.headers().add("traceparent", ("00-" + traceId + "-" + upstreamSpanId + "-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        ConsumerRecord<String, String> indexed = awaitRecord(Topics.ARTICLES_INDEXED, article.id());
        assertNotNull(indexed, "query-service announced the stored article");
        Header h = indexed.headers().lastHeader("traceparent");
        assertNotNull(h, "the indexed record carries a traceparent");
        assertEquals(traceId, new String(h.value(), StandardCharsets.UTF_8).split("-")[1],
                "the indexed record is in the annotated record's trace");
    }

    static ConsumerRecord<String, String> awaitRecord(String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(r.key())) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
