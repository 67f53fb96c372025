package io.newslens.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.contracts.Topics;
import io.newslens.testsupport.PostgresTestResource;
import io.newslens.testsupport.TestStack;
import io.newslens.testsupport.Tokens;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No article lost or doubled while things break: a stream of 500 articles flows through the real stack while the
 * Kafka broker is killed and restarted, nlp-service is killed mid-batch and restarted, query-service loses its
 * database for a while, and a poison message is published. Afterwards every article is searchable exactly once
 * and the poison message sits in the dead-letter topic with its reason.
 */
@ExtendWith(RunningStack.class)
class FaultToleranceTest {

    static final int ARTICLES = 500;
    static final String KAFKA = "127.0.0.1:19092";
    static final String QUERY_DB = "newslens_query_test";

    final String tag = "ft" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    int posted;

    @Test
    void everyArticleIsSearchableExactlyOnceAfterEveryFault() throws Exception {
        long started = System.nanoTime();
        postBatch(100);

        TestStack.runScript("kill", "--profile", "test", "kafka");
        postBatch(100); // accepted into the outbox while the broker is gone
        Thread.sleep(3000);
        TestStack.runScript("up", "--profile", "test", "kafka");
        postBatch(50);

        Thread.sleep(2000); // nlp-service is busy with the backlog now
        TestStack.runScript("kill", "--profile", "test", "nlp-service");
        postBatch(50);
        TestStack.runScript("up", "--profile", "test", "nlp-service");
        postBatch(100);

        cutQueryDatabase(true);
        try {
            Thread.sleep(15_000);
        } finally {
            cutQueryDatabase(false);
        }
        String poisonKey = "poison-" + tag;
        publishPoison(poisonKey);
        postBatch(100);
        assertEquals(ARTICLES, posted);

        await().atMost(Duration.ofMinutes(12)).pollInterval(Duration.ofSeconds(5)).until(() -> searchable() >= ARTICLES);
        Set<String> ids = new HashSet<>();
        List<String> lines = given().auth().oauth2(Tokens.forRole("analyst")).queryParam("q", tag)
                .get("/api/v1/articles/export").then().statusCode(200).extract().asString().lines().toList();
        for (String line : lines) {
            ids.add(line.substring(line.indexOf("\"id\":\"") + 6, line.indexOf('"', line.indexOf("\"id\":\"") + 6)));
        }
        ConsumerRecord<String, String> dead = deadLetter(poisonKey);
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        System.out.printf("fault tolerance: posted %d, searchable %d, exported rows %d, distinct ids %d, dead letter reason '%s',"
                + " %d s%n", posted, searchable(), lines.size(), ids.size(), reason, (System.nanoTime() - started) / 1_000_000_000);
        assertEquals(ARTICLES, searchable(), "none lost");
        assertEquals(ARTICLES, lines.size(), "none doubled in the read model");
        assertEquals(ARTICLES, ids.size());
        assertTrue(reason.contains("not JSON"), reason);

        // and the stream flows again
        String after = Articles.post(java.util.Map.of("text", "After the storm " + tag + "x the port of Bilbao reopened on "
                + "Thursday, harbour master Iñaki Goikoetxea said.", "title", "After the storm"));
        Articles.awaitSearchable(after, Duration.ofMinutes(3));
    }

    private void postBatch(int n) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int k = posted + i;
            body.append("{\"title\":\"Council vote ").append(k).append("\",\"source\":\"Fault Gazette\",\"publishedAt\":\"2025-01-")
                    .append(String.format("%02d", 1 + k % 28)).append("T10:00:00Z\",\"text\":\"Item ").append(k).append(" of run ")
                    .append(tag).append(". The council of Bergen voted on Tuesday to extend the tram line by ").append(k)
                    .append(" metres, mayor Marte Mjøs Persen said after a long debate about the budget.\"}\n");
        }
        String answer = given().auth().oauth2(Tokens.forRole("ingestor")).contentType("application/x-ndjson")
                .body(body.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/batch")
                .then().statusCode(200).extract().asString();
        assertTrue(answer.contains("\"accepted\":" + n), answer.lines().reduce((a, b) -> b).orElse(answer));
        posted += n;
    }

    private long searchable() {
        Integer total = given().auth().oauth2(Tokens.forRole("analyst")).queryParam("q", tag).queryParam("facets", false)
                .queryParam("size", 1).get("/api/v1/articles").then().extract().path("total");
        return total == null ? -1 : total;
    }

    /** Takes query-service's database away (no new connections, existing ones terminated), or gives it back. */
    private static void cutQueryDatabase(boolean cut) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + QUERY_DB + " ALLOW_CONNECTIONS " + (cut ? "false" : "true"));
            if (cut) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + QUERY_DB + "'");
            }
        }
    }

    private static void publishPoison(String key) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_INGESTED, key, "{\"id\": broken json")).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsumerRecord<String, String> deadLetter(String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(Topics.ARTICLES_INGESTED_DLQ));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("the poison message did not reach " + Topics.ARTICLES_INGESTED_DLQ);
    }
}
