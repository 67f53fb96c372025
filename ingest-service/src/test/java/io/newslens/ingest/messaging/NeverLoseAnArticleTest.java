package io.newslens.ingest.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.contracts.ArticleRemoved;
import io.newslens.contracts.Topics;
import io.newslens.ingest.KafkaRecords;
import io.newslens.ingest.model.Article;
import io.newslens.ingest.rest.ArticleIngestionTest;
import io.newslens.testsupport.KafkaTestResource;
import io.newslens.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NeverLoseAnArticleTest {

    @Test
    void withKafkaDownIngestionStillAnswers202AndEverythingIsDeliveredWhenItReturns() {
        KafkaTestResource.broker().stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                ids.add(given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                        .body(Map.of("text", ArticleIngestionTest.uniqueText("Kafka away " + i + ".")))
                        .post("/api/v1/articles").then().statusCode(202).extract().path("id"));
            }
            for (String id : ids) {
                given().auth().oauth2(Tokens.forRole("ingestor")).get("/api/v1/articles/" + id + "/status")
                        .then().statusCode(200).body("state", equalTo("stored"));
            }
        } finally {
            KafkaTestResource.broker().restart();
        }
        List<ConsumerRecord<String, String>> delivered = KafkaRecords.await(Topics.ARTICLES_INGESTED,
                r -> ids.contains(r.key()), ids.size(), Duration.ofSeconds(90));
        assertEquals(ids.size(), delivered.stream().map(ConsumerRecord::key).distinct().count(),
                "every article stored while Kafka was down was published once it returned");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.forRole("ingestor"))
                .get("/api/v1/articles/" + ids.get(0) + "/status").then().body("state", equalTo("published")));
    }

    @Test
    void takedownRemovesTheArticleRecordsWhoAndSendsATombstone() {
        String id = given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                .body(Map.of("text", ArticleIngestionTest.uniqueText("Takedown."))).post("/api/v1/articles")
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(Tokens.forRole("ingestor")).delete("/api/v1/articles/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("admin")).queryParam("reason", "publisher request")
                .delete("/api/v1/articles/" + id).then().statusCode(200)
                .body("articleId", equalTo(id)).body("removedBy", equalTo("service-account-newslens-admin"))
                .body("reason", equalTo("publisher request"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Article.findByIdOptional(id).isEmpty()));
        given().auth().oauth2(Tokens.forRole("admin")).delete("/api/v1/articles/" + id).then().statusCode(404);
        List<ConsumerRecord<String, String>> removal = KafkaRecords.await(Topics.ARTICLES_INGESTED, r -> id.equals(r.key())
                && r.headers().lastHeader(Topics.EVENT_TYPE_HEADER) != null
                && ArticleRemoved.EVENT_TYPE.equals(new String(r.headers().lastHeader(Topics.EVENT_TYPE_HEADER).value(),
                        StandardCharsets.UTF_8)), 1, Duration.ofSeconds(30));
        assertEquals(1, removal.size());
        given().auth().oauth2(Tokens.forRole("admin")).get("/api/v1/admin/takedowns").then().statusCode(200)
                .body("articleId", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void reprocessRepublishesStoredArticlesAndShowsProgress() {
        String id = given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                .body(Map.of("text", ArticleIngestionTest.uniqueText("Re-tag me."), "publishedAt", "2021-07-14"))
                .post("/api/v1/articles").then().statusCode(202).extract().path("id");
        Integer job = given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON)
                .body(Map.of("from", "2021-07-14", "to", "2021-07-15")).post("/api/v1/admin/reprocess")
                .then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.forRole("admin"))
                .get("/api/v1/admin/reprocess/" + job).then().statusCode(200).body("state", equalTo("done"))
                .body("progress", equalTo(1.0f)));
        List<ConsumerRecord<String, String>> records = KafkaRecords.await(Topics.ARTICLES_INGESTED, r -> id.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertEquals(2, records.size(), "published at ingestion and again for re-tagging");
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/admin/reprocess").then().statusCode(403);
    }
}
