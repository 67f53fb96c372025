package io.newslens.query.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.newslens.query.AnnotatedArticles;
import io.newslens.query.service.Vectors;
import io.newslens.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisEndpointsTest {

    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    final String minister = "e_min_" + run;
    final String ally = "e_ally_" + run;
    final String city = "e_city_" + run;
    final String firm = "e_firm_" + run;
    String first;
    String second;

    @BeforeAll
    void seed() {
        AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        first = AnnotatedArticles.publishAndWait(AnnotatedArticles.article().title("Minister visits shipyard " + run)
                .source("Baltic Times").publishedAt("2024-04-10T09:00:00Z")
                .embedding(Vectors.normalize(model.embed("Minister visits shipyard to discuss new frigates").content().vector()))
                .text("Defence minister ").entity(minister, "Ingrid Solberg " + run, "PERSON").text(" met ")
                .entity(ally, "Paavo Kask " + run, "PERSON").text(" in ").entity(city, "Tallinn " + run, "LOCATION")
                .text(". ").quote("We will build four frigates together", minister, "Ingrid Solberg " + run)
                .text(" she said.")
                .event("MEETING", List.of(minister, ally), city, "2024-04-09", "Defence minister met Kask in Tallinn.")
                .build());
        second = AnnotatedArticles.publishAndWait(AnnotatedArticles.article().title("Shipbuilder wins order " + run)
                .source("Nordic Wire").publishedAt("2024-04-12T09:00:00Z")
                .embedding(Vectors.normalize(model.embed("Shipbuilder wins frigate order from navy").content().vector()))
                .entity(firm, "Saab Kockums " + run, "ORGANIZATION").text(" won the order, minister ")
                .entity(minister, "Ingrid Solberg " + run, "PERSON").text(" confirmed. ")
                .quote("The contract is signed", minister, "Ingrid Solberg " + run).build());
    }

    RequestSpecification analyst() {
        return given().auth().oauth2(Tokens.forRole("analyst"));
    }

    @Test
    void entitiesAreFoundByAliasPrefixWithTypeFilter() {
        analyst().queryParam("q", "solb").queryParam("type", "PERSON").get("/api/v1/entities").then().statusCode(200)
                .body("items.id", hasItem(minister)).body("total", greaterThanOrEqualTo(1));
        analyst().queryParam("q", "ingrid sol").get("/api/v1/entities").then().body("items.id", hasItem(minister));
        analyst().queryParam("q", "solb").queryParam("type", "LOCATION").get("/api/v1/entities").then()
                .body("items.id", not(hasItem(minister)));
        analyst().queryParam("type", "ANIMAL").get("/api/v1/entities").then().statusCode(400);
    }

    @Test
    void entityProfileShowsCountsTimelineCoMentionsSourcesAndQuotes() {
        analyst().get("/api/v1/entities/" + minister).then().statusCode(200)
                .body("name", equalTo("Ingrid Solberg " + run)).body("type", equalTo("PERSON"))
                .body("articleCount", equalTo(2)).body("mentionCount", equalTo(2))
                .body("firstSeen", equalTo("2024-04-10T09:00:00Z")).body("lastSeen", equalTo("2024-04-12T09:00:00Z"))
                .body("mentionsPerDay.date", hasItem("2024-04-12"))
                .body("coMentioned.id", hasItem(ally)).body("coMentioned.id", hasItem(firm))
                .body("sources.name", hasItem("Baltic Times"))
                .body("quotes.text", hasItem("The contract is signed"));
        analyst().get("/api/v1/entities/e_nobody").then().statusCode(404).contentType("application/problem+json");
    }

    @jakarta.inject.Inject
    io.newslens.query.search.ArticleTextIndex textIndex;
    @jakarta.inject.Inject
    io.newslens.query.service.EntityQueries entityQueries;
    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    @jakarta.transaction.Transactional
    void coMentionCountsFromTheTextIndexMatchTheReadModel() {
        await().atMost(Duration.ofSeconds(30)).until(textIndex::ready);
        var network = entityQueries.network(minister, 1, 25, null, null).orElseThrow();
        assertTrue(network.edges().size() >= 2, "edges: " + network.edges());
        for (var edge : network.edges()) {
            Number shared = (Number) em.createNativeQuery("SELECT count(*) FROM article_entity x JOIN article_entity y"
                    + " ON y.article_id = x.article_id WHERE x.entity_id = ?1 AND y.entity_id = ?2")
                    .setParameter(1, edge.source()).setParameter(2, edge.target()).getSingleResult();
            assertEquals(shared.longValue(), edge.weight(), edge.toString());
        }
        // the daily counts ReadModelWriter keeps agree with the article-entity rows they summarise, everywhere
        Number drift = (Number) em.createNativeQuery("""
                SELECT count(*) FROM (SELECT entity_id, (sort_time AT TIME ZONE 'UTC')::date AS day, sum(mention_count) AS m,
                       count(*) AS a FROM article_entity GROUP BY 1, 2) x
                FULL JOIN (SELECT * FROM entity_day WHERE articles <> 0 OR mentions <> 0) d
                  ON d.entity_id = x.entity_id AND d.day = x.day
                WHERE x.m IS DISTINCT FROM d.mentions OR x.a IS DISTINCT FROM d.articles
                """).getSingleResult();
        assertEquals(0, drift.longValue(), "entity_day rows that differ from article_entity");
        var profile = entityQueries.profile(minister).orElseThrow();
        for (var related : profile.coMentioned()) {
            Number shared = (Number) em.createNativeQuery("SELECT count(*) FROM article_entity x JOIN article_entity y"
                    + " ON y.article_id = x.article_id WHERE x.entity_id = ?1 AND y.entity_id = ?2")
                    .setParameter(1, minister).setParameter(2, related.id()).getSingleResult();
            assertEquals(shared.longValue(), related.count(), related.toString());
        }
    }

    @Test
    void networkHasWeightedEdgesAndRespectsDepthAndLimit() {
        analyst().queryParam("depth", 1).get("/api/v1/entities/" + minister + "/network").then().statusCode(200)
                .body("nodes.id", hasItem(ally)).body("nodes.id", hasItem(city))
                .body("edges.find { (it.source == '" + minister + "' && it.target == '" + ally + "') || (it.target == '"
                        + minister + "' && it.source == '" + ally + "') }.weight", equalTo(1));
        analyst().queryParam("depth", 2).queryParam("limit", 2).get("/api/v1/entities/" + ally + "/network").then()
                .statusCode(200).body("nodes.size()", equalTo(2));
        analyst().queryParam("depth", 3).get("/api/v1/entities/" + minister + "/network").then().statusCode(400);
        analyst().queryParam("limit", 5000).get("/api/v1/entities/" + minister + "/network").then().statusCode(400);
    }

    @Test
    void quotesBySpeakerAndWords() {
        analyst().queryParam("speaker", minister).get("/api/v1/quotes").then().statusCode(200).body("total", equalTo(2));
        analyst().queryParam("speaker", minister).queryParam("q", "frigates").get("/api/v1/quotes").then()
                .body("total", equalTo(1)).body("items[0].articleId", equalTo(first))
                .body("items[0].speakerName", equalTo("Ingrid Solberg " + run));
    }

    @Test
    void eventsByTypeEntityAndTime() {
        analyst().queryParam("type", "MEETING").queryParam("entity", ally).get("/api/v1/events").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].place.name", equalTo("Tallinn " + run))
                .body("items[0].participants.name", hasItem("Paavo Kask " + run)).body("items[0].time", equalTo("2024-04-09"));
        analyst().queryParam("entity", ally).queryParam("from", "2024-04-10").get("/api/v1/events").then().body("total", equalTo(0));
        analyst().queryParam("type", "drop table").get("/api/v1/events").then().statusCode(400);
    }

    @Test
    void semanticSearchFindsArticlesByMeaning() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> analyst().queryParam("q", "naval warships procurement")
                .queryParam("from", "2024-04-01").queryParam("to", "2024-04-30")
                .get("/api/v1/search/semantic").then().statusCode(200).body("hits.id", hasItem(second)));
        analyst().get("/api/v1/search/semantic").then().statusCode(400);
    }

    @Test
    void exportStreamsEveryMatchAsNdjsonOrCsv() {
        String ndjson = analyst().queryParam("q", run).get("/api/v1/articles/export").then().statusCode(200)
                .contentType(containsString("application/x-ndjson")).extract().asString();
        assertEquals(2, ndjson.strip().split("\n").length, ndjson);
        String csv = analyst().queryParam("q", run).queryParam("format", "csv").get("/api/v1/articles/export").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] rows = csv.strip().split("\r\n");
        assertEquals(3, rows.length, csv);
        assertTrue(rows[0].startsWith("id,publishedAt,source,title"));
        analyst().queryParam("format", "xlsx").get("/api/v1/articles/export").then().statusCode(400);
    }
}
