package io.newslens.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.contracts.Topics;
import io.newslens.ingest.KafkaRecords;
import io.newslens.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class ArticleIngestionTest {

    public static String uniqueText(String lead) {
        return lead + " The Ministry of Transport said on Tuesday that the new bridge over the river will open next "
                + "spring, after three years of work. Officials in Riverton expect 20,000 cars a day. Run " + UUID.randomUUID();
    }

    @Test
    void acceptedArticleIsStoredAndPublishedToKafkaUnderItsId() {
        String text = uniqueText("Bridge opens.");
        String id = given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                .body("{\"title\":\"Bridge\",\"source\":\"Riverton Post\",\"publishedAt\":\"2024-03-05T10:00:00Z\",\"text\":"
                        + json(text) + "}")
                .post("/api/v1/articles")
                .then().statusCode(202)
                .body("status", equalTo("accepted"))
                .body("statusUrl", containsString("/api/v1/articles/"))
                .extract().path("id");

        List<ConsumerRecord<String, String>> records = KafkaRecords.await(Topics.ARTICLES_INGESTED,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "the article reached articles.ingested");
        String value = records.get(0).value();
        assertTrue(value.contains("\"schemaVersion\":1"), value);
        assertTrue(value.contains("Riverton Post"), value);
        assertTrue(value.contains("2024-03-05T10:00:00Z"), value);

        given().auth().oauth2(Tokens.forRole("analyst")).get("/api/v1/articles/" + id + "/status")
                .then().statusCode(200).body("id", equalTo(id)).body("steps.stored", notNullValue());
    }

    @Test
    void sameTextTwiceAnswersWithTheExistingId() {
        String body = "{\"text\":" + json(uniqueText("Duplicate check.")) + "}";
        String first = given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/articles").then().statusCode(202).extract().path("id");
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                .body(body.replace("Duplicate check.", "Duplicate   check."))
                .post("/api/v1/articles").then().statusCode(200)
                .body("id", equalTo(first)).body("status", equalTo("duplicate"));
    }

    @Test
    void sameUrlWithTrackingParametersIsTheSameArticle() {
        String url = "https://news.example.org/world/2024/05/01/story-" + UUID.randomUUID();
        String first = given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"text\":" + json(uniqueText("URL one.")) + "}")
                .post("/api/v1/articles").then().statusCode(202).extract().path("id");
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                .body("{\"url\":\"" + url.replace("https://news.", "http://www.news.") + "?utm_source=x&fbclid=y#top\",\"text\":"
                        + json(uniqueText("URL two.")) + "}")
                .post("/api/v1/articles").then().statusCode(200).body("id", equalTo(first));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        String body = "{\"text\":" + json(uniqueText("Idempotent.")) + "}";
        String id = given().auth().oauth2(Tokens.forRole("ingestor")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(Tokens.forRole("ingestor")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                .then().statusCode(202).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        given().auth().oauth2(Tokens.forRole("ingestor")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"text\":" + json(uniqueText("Other.")) + "}").post("/api/v1/articles")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void withoutTokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body("{\"text\":\"x\"}").post("/api/v1/articles")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void withAGarbageTokenIsUnauthorized() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").contentType(ContentType.JSON)
                .body("{\"text\":\"x\"}").post("/api/v1/articles").then().statusCode(401);
    }

    @Test
    void analystMayNotIngest() {
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .post("/api/v1/articles").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void tokenWithoutTheApiAudienceIsRefused() {
        given().auth().oauth2(Tokens.withoutAudience()).contentType(ContentType.JSON).body("{\"text\":\"x\"}")
                .post("/api/v1/articles").then().statusCode(401);
    }

    @Test
    void malformedJsonIs400() {
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body("{\"text\": \"unterminated")
                .post("/api/v1/articles").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void wrongFieldTypeIs400NamingTheField() {
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body("{\"text\": [1,2]}")
                .post("/api/v1/articles").then().statusCode(400).body("errors.field", hasItem("text"));
    }

    @Test
    void noTextHtmlOrUrlIs422() {
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body("{\"title\":\"only a title\"}")
                .post("/api/v1/articles").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("text"));
    }

    @Test
    void wrongMediaTypeIs415() {
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType("application/xml").body("<a/>")
                .post("/api/v1/articles").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIs413() {
        String big = "word ".repeat(60_000);
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body("{\"text\":\"" + big + "\"}")
                .post("/api/v1/articles").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void nonUtf8BodyIs422() {
        byte[] latin1 = "{\"text\":\"Caf\u00e9 au lait in M\u00fcnchen, said the minister on Tuesday.\"}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body(latin1)
                .post("/api/v1/articles").then().statusCode(422).body("detail", containsString("UTF-8"));
    }

    @Test
    void binaryJunkAsTextIs422() {
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            junk.append("\\u000").append(i % 8).append("\\u0010abc");
        }
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body("{\"text\":\"" + junk + "\"}")
                .post("/api/v1/articles").then().statusCode(422).body("detail", containsString("binary"));
    }

    @Test
    void impossibleDateIs422NamingTheField() {
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                .body("{\"publishedAt\":\"2023-02-30\",\"text\":" + json(uniqueText("Dates.")) + "}")
                .post("/api/v1/articles").then().statusCode(422).body("errors.field", hasItem("publishedAt"));
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                .body("{\"publishedAt\":\"2999-01-01T00:00:00Z\",\"text\":" + json(uniqueText("Future.")) + "}")
                .post("/api/v1/articles").then().statusCode(422).body("detail", containsString("future"));
    }

    @Test
    void nonHttpUrlIs422() {
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                .body("{\"url\":\"file:///etc/passwd\"}")
                .post("/api/v1/articles").then().statusCode(422).body("errors.field", hasItem("url"));
    }

    @Test
    void unknownArticleStatusIs404() {
        given().auth().oauth2(Tokens.forRole("analyst")).get("/api/v1/articles/nope/status")
                .then().statusCode(404).contentType("application/problem+json");
    }

    public static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
