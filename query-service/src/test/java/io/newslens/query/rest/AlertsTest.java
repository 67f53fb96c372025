package io.newslens.query.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.query.AnnotatedArticles;
import io.newslens.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AlertsTest {

    @TestHTTPResource("/")
    URL base;

    String analyst() {
        return Tokens.user("analyst", "analyst");
    }

    String otherAnalyst() {
        return Tokens.user("analyst2", "analyst2");
    }

    @Test
    void alertsBelongToTheirOwnerAlone() {
        String id = given().auth().oauth2(analyst()).contentType(ContentType.JSON)
                .body(Map.of("name", "Ports", "q", "harbour OR port")).post("/api/v1/alerts")
                .then().statusCode(201).body("name", equalTo("Ports")).extract().path("id");
        given().auth().oauth2(analyst()).get("/api/v1/alerts").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(otherAnalyst()).get("/api/v1/alerts").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(otherAnalyst()).get("/api/v1/alerts/" + id).then().statusCode(404);
        given().auth().oauth2(otherAnalyst()).delete("/api/v1/alerts/" + id).then().statusCode(404);
        given().auth().oauth2(otherAnalyst()).get("/api/v1/alerts/" + id + "/stream").then().statusCode(404);
        given().auth().oauth2(analyst()).get("/api/v1/alerts/" + id).then().statusCode(200);
        given().auth().oauth2(analyst()).delete("/api/v1/alerts/" + id).then().statusCode(204);
        given().auth().oauth2(analyst()).get("/api/v1/alerts/" + id).then().statusCode(404);
    }

    @Test
    void invalidAlertsAreRefused() {
        given().auth().oauth2(analyst()).contentType(ContentType.JSON).body(Map.of("name", "Broken", "q", "\"open"))
                .post("/api/v1/alerts").then().statusCode(400);
        given().auth().oauth2(analyst()).contentType(ContentType.JSON).body(Map.of("q", "port"))
                .post("/api/v1/alerts").then().statusCode(422);
        given().auth().oauth2(analyst()).contentType(ContentType.JSON).body(Map.of("name", "Everything"))
                .post("/api/v1/alerts").then().statusCode(422);
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body(Map.of("name", "x", "q", "y"))
                .post("/api/v1/alerts").then().statusCode(403);
    }

    @Test
    void streamPushesNewMatchingArticlesLive() throws Exception {
        String word = "qz" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String id = given().auth().oauth2(analyst()).contentType(ContentType.JSON)
                .body(Map.of("name", "Live", "q", word)).post("/api/v1/alerts").then().statusCode(201).extract().path("id");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/alerts/" + id + "/stream"))
                .header("Authorization", "Bearer " + analyst()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertTrue(response.statusCode() == 200, "stream status " + response.statusCode());
        CompletableFuture<String> firstEvent = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        return line.substring(5).strip();
                    }
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1500);
        AnnotatedArticles.publish(AnnotatedArticles.article().title("Unrelated " + UUID.randomUUID()).text("Nothing here.").build());
        var match = AnnotatedArticles.article().title("Matching " + word).text("This one mentions " + word + ".").build();
        AnnotatedArticles.publish(match);
        String event = firstEvent.get(60, TimeUnit.SECONDS);
        assertTrue(event.contains(match.id()), event);
        assertTrue(event.contains(id), event);
    }
}
