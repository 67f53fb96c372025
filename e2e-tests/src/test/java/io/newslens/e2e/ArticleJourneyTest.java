package io.newslens.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.newslens.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One article through every hop: gateway → ingest → Kafka → nlp → Kafka → query → search, with real tokens. */
@ExtendWith(RunningStack.class)
class ArticleJourneyTest {

    @Test
    void postedArticleIsFoundBySearchWithItsPeople() {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String text = "Harbour talks resume in Valparaiso\n\n"
                + "Chilean transport minister Juan Carlos Muñoz met union leader Maria Soto in Valparaiso on Tuesday to end "
                + "a week-long strike at the port. \"We have a basis for agreement,\" Soto said after the meeting. "
                + "Muñoz said the government would present a plan next month. Reference " + marker + ".";
        String id = Articles.post(Map.of("title", "Harbour talks resume in Valparaiso", "text", text,
                "source", Map.of("name", "Pacific Ledger", "domain", "pacificledger.example"),
                "publishedAt", "2025-02-04T10:00:00Z", "language", "en"));

        Articles.awaitSearchable(id, Duration.ofSeconds(120));

        JsonPath found = given().auth().oauth2(Tokens.forRole("analyst")).queryParam("q", marker)
                .get("/api/v1/articles")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("hits[0].id", equalTo(id))
                .body("hits[0].source", equalTo("Pacific Ledger"))
                .body("facets.entities.PERSON.size()", greaterThan(0))
                .extract().jsonPath();
        // an entity carries its canonical name, which may be another spelling seen first ("María Soto")
        assertThat(folded(found.getList("hits[0].entities.findAll { it.type == 'PERSON' }.name", String.class)),
                hasItems("juan carlos munoz", "maria soto"));

        JsonPath article = given().auth().oauth2(Tokens.forRole("analyst")).get("/api/v1/articles/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("publishedAt", equalTo("2025-02-04T10:00:00Z"))
                .body("storyId", notNullValue())
                .extract().jsonPath();
        assertThat(folded(article.getList("annotations.entities.findAll { it.type == 'PERSON' }.name", String.class)),
                hasItem("maria soto"));
        String stored = article.getString("text");
        List<Map<String, Object>> mentions = article.getList("annotations.mentions");
        assertFalse(mentions.isEmpty());
        for (Map<String, Object> m : mentions) {
            // offsets point into the cleaned text clients receive
            assertEquals(m.get("text"), stored.substring((Integer) m.get("start"), (Integer) m.get("end")));
        }

        given().auth().oauth2(Tokens.forRole("ingestor")).get("/api/v1/articles/" + id + "/status")
                .then().statusCode(200).body("state", equalTo("searchable"))
                .body("steps.stored", notNullValue()).body("steps.published", notNullValue())
                .body("steps.annotated", notNullValue()).body("steps.searchable", notNullValue());
    }

    private static List<String> folded(List<String> names) {
        return names.stream().map(n -> java.text.Normalizer.normalize(n, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)).toList();
    }

    @Test
    void gatewayRefusesCallsWithoutATokenAndWrongRoles() {
        given().get("/api/v1/articles?q=port").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forRole("analyst")).contentType("application/json").body("{\"text\":\"x\"}")
                .post("/api/v1/articles").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forRole("ingestor")).get("/api/v1/articles?q=port")
                .then().statusCode(403);
    }
}
