package io.newslens.nlp.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.newslens.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnnotateResourceTest {

    static final String TEXT = "Portuguese prime minister Luís Montenegro met Spanish counterpart Pedro Sánchez in Lisbon on "
            + "Friday. \"We agreed to build the high-speed line by 2034,\" Montenegro said after the talks.";

    @Test
    void annotatesTextWithEntitiesDatesAndQuotes() {
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("text", TEXT, "publishedAt", "2025-03-09"))
                .post("/api/v1/nlp/annotate").then().statusCode(200)
                .body("pipelineVersion", notNullValue())
                .body("entities.findAll { it.type == 'PERSON' }.name", hasItems("Luís Montenegro", "Pedro Sánchez"))
                .body("entities.findAll { it.type == 'LOCATION' }.name", hasItem("Lisbon"))
                .body("mentions.findAll { it.text == 'Montenegro' }.size()", equalTo(1))
                .body("temporals.find { it.text == 'Friday' }.value", equalTo("2025-03-07"))
                .body("quotes[0].speakerName", equalTo("Luís Montenegro"))
                .body("embedding.size()", equalTo(384));
    }

    @Test
    void annotateNeedsTheAnalystRole() {
        given().contentType(ContentType.JSON).body(Map.of("text", TEXT)).post("/api/v1/nlp/annotate")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body(Map.of("text", TEXT))
                .post("/api/v1/nlp/annotate").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.withoutAudience()).contentType(ContentType.JSON).body(Map.of("text", TEXT))
                .post("/api/v1/nlp/annotate").then().statusCode(401);
    }

    @Test
    void badInputGetsClearErrors() {
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON).body(Map.of("text", " "))
                .post("/api/v1/nlp/annotate").then().statusCode(422).body("errors.field", hasItem("text"));
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("text", TEXT, "publishedAt", "yesterday")).post("/api/v1/nlp/annotate")
                .then().statusCode(422).body("errors.field", hasItem("publishedAt"));
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON)
                .body(Map.of("text", "word ".repeat(50_000))).post("/api/v1/nlp/annotate").then().statusCode(413);
        given().auth().oauth2(Tokens.forRole("analyst")).contentType(ContentType.JSON).body("{\"text\": ")
                .post("/api/v1/nlp/annotate").then().statusCode(400);
    }
}
