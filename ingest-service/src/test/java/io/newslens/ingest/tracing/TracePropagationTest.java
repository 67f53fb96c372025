package io.newslens.ingest.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.contracts.Topics;
import io.newslens.ingest.KafkaRecords;
import io.newslens.ingest.rest.ArticleIngestionTest;
import io.newslens.testsupport.KafkaTestResource;
import io.newslens.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Trace propagation without a collector: the test profile writes spans to {@code target/spans.jsonl}
 * ({@link SpanFileExporter}), and the records on the broker carry the {@code traceparent} header.
 */
@QuarkusTest
class TracePropagationTest {

    static final Path SPANS = Path.of("target/spans.jsonl");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theIngestRequestsTraceGoesOnThroughTheOutboxOntoTheKafkaRecord() {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        String id = given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body(Map.of("text", ArticleIngestionTest.uniqueText("A traced article about a ferry.")))
                .post("/api/v1/articles").then().statusCode(202).extract().path("id");

        List<ConsumerRecord<String, String>> records = KafkaRecords.await(Topics.ARTICLES_INGESTED,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(60));
        assertEquals(1, records.size());
        String traceparent = header(records.get(0), "traceparent");
        assertNotNull(traceparent, "the relay puts the trace on the record");
        assertEquals(traceId, TraceContexts.traceId(traceparent), "the record continues the request's trace");
        String producerSpanId = traceparent.split("-")[2];

        // server span (child of the caller's) → relay span → Kafka producer span (the one the header names)
        List<JsonNode> trace = awaitSpans(traceId, s -> producerSpanId.equals(s.path("spanId").asText()));
        JsonNode producer = find(trace, s -> producerSpanId.equals(s.path("spanId").asText())).orElseThrow();
        assertEquals("PRODUCER", producer.path("kind").asText());
        assertEquals("ingest-service", producer.path("service").asText());
        JsonNode relay = find(trace, s -> s.path("spanId").asText().equals(producer.path("parentSpanId").asText()))
                .orElseThrow(() -> new AssertionError("the producer span's parent is in the trace: " + trace));
        assertTrue(relay.path("name").asText().startsWith("outbox relay"), relay.toString());
        assertEquals(id, relay.path("attributes").path("newslens.article.id").asText());
        JsonNode server = find(trace, s -> "SERVER".equals(s.path("kind").asText())).orElseThrow();
        assertEquals(callerSpanId, server.path("parentSpanId").asText(), "the server span continues the caller's span");
        assertTrue(descendsFrom(relay, server, trace), "the relay span descends from the request: " + trace);
    }

    @Test
    void aConsumedRecordContinuesTheProducersTrace() throws Exception {
        String traceId = hex(16);
        String producerSpanId = hex(8);
        String id = hex(10);
        String indexed = JSON.writeValueAsString(Map.of("schemaVersion", 1, "id", id, "pipelineVersion", "test",
                "annotatedAt", Instant.now().toString(), "indexedAt", Instant.now().toString()));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ARTICLES_INDEXED, id, indexed);
            record.headers().add("traceparent",
                    ("00-" + traceId + "-" + producerSpanId + "-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        List<JsonNode> trace = awaitSpans(traceId, s -> "CONSUMER".equals(s.path("kind").asText()));
        JsonNode consumer = find(trace, s -> "CONSUMER".equals(s.path("kind").asText())).orElseThrow();
        assertEquals(producerSpanId, consumer.path("parentSpanId").asText(), "the consumer span's parent is the producer's");
        assertEquals("ingest-service", consumer.path("service").asText());
    }

    @Test
    void consumerLagAndTheOutboxAreOnTheMetricsEndpoint() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_lag"), "consumer lag is exported");
            assertTrue(metrics.contains("newslens_outbox_pending"), "outbox backlog is exported");
        });
    }

    static boolean descendsFrom(JsonNode span, JsonNode ancestor, List<JsonNode> trace) {
        JsonNode current = span;
        for (int hops = 0; current != null && hops < 20; hops++) {
            String parent = current.path("parentSpanId").asText(null);
            if (ancestor.path("spanId").asText().equals(parent)) {
                return true;
            }
            current = find(trace, s -> s.path("spanId").asText().equals(parent)).orElse(null);
        }
        return false;
    }

    static List<JsonNode> awaitSpans(String traceId, Predicate<JsonNode> until) {
        List<List<JsonNode>> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<JsonNode> trace = spansOf(traceId);
            if (trace.stream().anyMatch(until)) {
                found.add(trace);
                return true;
            }
            return false;
        });
        return found.get(0);
    }

    static List<JsonNode> spansOf(String traceId) throws IOException {
        List<JsonNode> spans = new ArrayList<>();
        if (!Files.exists(SPANS)) {
            return spans;
        }
        for (String line : Files.readAllLines(SPANS, StandardCharsets.UTF_8)) {
            if (line.contains(traceId)) {
                JsonNode span = JSON.readTree(line);
                if (traceId.equals(span.path("traceId").asText())) {
                    spans.add(span);
                }
            }
        }
        return spans;
    }

    static Optional<JsonNode> find(List<JsonNode> spans, Predicate<JsonNode> match) {
        return spans.stream().filter(match).findFirst();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
