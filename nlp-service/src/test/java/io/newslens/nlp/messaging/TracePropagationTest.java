package io.newslens.nlp.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.contracts.ArticleIngested;
import io.newslens.contracts.Topics;
import io.newslens.testsupport.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The trace of an ingested record goes on in the annotated record nlp-service publishes for it. */
@QuarkusTest
class TracePropagationTest {

    @Test
    void theAnnotatedRecordContinuesTheIngestedRecordsTrace() throws Exception {
        String traceId = hex(16);
        String upstreamSpanId = hex(8);
        String id = "tr" + hex(12);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ARTICLES_INGESTED, id,
                    ArticleAnnotatorTest.article(id, "The port of Gdynia opened a new ferry terminal on Friday."));
            record.headers().add(Topics.EVENT_TYPE_HEADER, ArticleIngested.EVENT_TYPE.getBytes(StandardCharsets.UTF_8));
            record.headers().add("traceparent", ("00-" + traceId + "-" + upstreamSpanId + "-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        List<ConsumerRecord<String, String>> out = ArticleAnnotatorTest.await(Topics.ARTICLES_ANNOTATED, r -> id.equals(r.key()));
        assertEquals(1, out.size());
        Header h = out.get(0).headers().lastHeader("traceparent");
        assertNotNull(h, "the annotated record carries a traceparent");
        String[] parts = new String(h.value(), StandardCharsets.UTF_8).split("-");
        assertEquals(traceId, parts[1], "the annotated record is in the ingested record's trace");

        // consumer span (child of the upstream producer) and producer span are in the service's span file
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> spans = Files.readAllLines(Path.of("target/spans.jsonl"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("\"traceId\":\"" + traceId + "\"")).toList();
            assertTrue(spans.stream().anyMatch(s -> s.contains("\"kind\":\"CONSUMER\"")
                    && s.contains("\"parentSpanId\":\"" + upstreamSpanId + "\"")), spans.toString());
            assertTrue(spans.stream().anyMatch(s -> s.contains("\"kind\":\"PRODUCER\"")
                    && s.contains("\"spanId\":\"" + parts[2] + "\"")), spans.toString());
        });
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
