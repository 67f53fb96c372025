package io.newslens.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.newslens.testsupport.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;

/** Helpers to push articles through the real pipeline and wait for them. */
public final class Articles {

    private Articles() {
    }

    /** Posts an article through the gateway as an ingestor and returns its id. */
    public static String post(Map<String, Object> article) {
        return given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body(article)
                .post("/api/v1/articles").then().statusCode(202).extract().path("id");
    }

    /** Waits until the article's status says searchable. */
    public static void awaitSearchable(String id, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> "searchable".equals(
                given().auth().oauth2(Tokens.forRole("ingestor")).get("/api/v1/articles/" + id + "/status")
                        .then().extract().path("state")));
    }
}
