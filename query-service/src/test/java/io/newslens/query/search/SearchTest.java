package io.newslens.query.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.query.AnnotatedArticles;
import io.newslens.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.time.Duration;
import java.time.Instant;
import jakarta.inject.Inject;
import static org.awaitility.Awaitility.await;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    /** A word no other test uses, so counts are exact. */
    final String tag = "qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String volcano;
    String flood;
    String hostile;
    String german;

    @BeforeAll
    void seed() {
        volcano = AnnotatedArticles.publishAndWait(AnnotatedArticles.article().title("Volcano erupts near Catania " + tag)
                .source("Etna Courier").publishedAt("2024-03-01T08:00:00Z")
                .text("Mount Etna erupted overnight, covering ").entity("e_t_catania", "Catania", "LOCATION")
                .text(" in ash. Volcanologist ").entity("e_t_behncke", "Boris Behncke", "PERSON")
                .text(" said the lava flows were slowing. Marker " + tag + ".").build());
        flood = AnnotatedArticles.publishAndWait(AnnotatedArticles.article().title("Floods close roads in Valencia " + tag)
                .source("Levante Post").publishedAt("2024-03-05T08:00:00Z")
                .text("Heavy rain flooded roads around ").entity("e_t_valencia", "Valencia", "LOCATION")
                .text(". The regional president ").entity("e_t_mazon", "Carlos Mazón", "PERSON")
                .text(" asked residents to stay home. Volcanologists were not involved. Marker " + tag + ".").build());
        hostile = AnnotatedArticles.publishAndWait(AnnotatedArticles.article()
                .title("<script>alert(1)</script> Harbour " + tag).source("<b>Evil</b> Outlet")
                .publishedAt("2024-03-03T08:00:00Z")
                .text("The harbour master said <img src=x onerror=alert(2)> nothing. Marker " + tag + ".").build());
        german = AnnotatedArticles.publishAndWait(AnnotatedArticles.article().title("Bahnstreik legt Verkehr lahm " + tag)
                .source("Rhein Zeitung").language("de").publishedAt("2024-03-07T08:00:00Z")
                .text("Die Gewerkschaft hat zu einem Streik aufgerufen. Die Züge fahren nicht. Marker " + tag + ".").build());
    }

    RequestSpecification analyst() {
        return given().auth().oauth2(Tokens.forRole("analyst"));
    }

    @Test
    void wordsFindTheirArticlesWithHighlightedEscapedSnippets() {
        analyst().queryParam("q", tag + " erupted").get("/api/v1/articles").then().statusCode(200)
                .body("total", equalTo(1)).body("hits[0].id", equalTo(volcano))
                .body("hits[0].snippet", containsString("<mark>erupted</mark>"))
                .body("hits[0].entities.name", hasItem("Boris Behncke"));
        analyst().queryParam("q", tag + " harbour").get("/api/v1/articles").then().statusCode(200)
                .body("hits[0].id", equalTo(hostile))
                .body("hits[0].snippet", not(containsString("<img")))
                .body("hits[0].snippet", containsString("&lt;img"));
    }

    @Test
    void phrasesOrNotAndPrefixesWork() {
        analyst().queryParam("q", tag + " \"covering Catania\"").get("/api/v1/articles").then().body("total", equalTo(1));
        analyst().queryParam("q", tag + " \"Catania covering\"").get("/api/v1/articles").then().body("total", equalTo(0));
        analyst().queryParam("q", tag + " (erupted OR flooded)").get("/api/v1/articles").then().body("total", equalTo(2));
        analyst().queryParam("q", tag + " -flooded").get("/api/v1/articles").then().body("total", equalTo(3));
        analyst().queryParam("q", tag + " NOT flooded NOT harbour").get("/api/v1/articles").then().body("total", equalTo(2));
        analyst().queryParam("q", tag + " volcanolog*").get("/api/v1/articles").then().body("total", equalTo(2));
        analyst().queryParam("q", tag + " Streik").queryParam("language", "de").get("/api/v1/articles")
                .then().body("total", equalTo(1)).body("hits[0].id", equalTo(german));
    }

    @Test
    void filtersNarrowByEntityTypeSourceLanguageAndDate() {
        analyst().queryParam("q", tag).queryParam("entity", "e_t_mazon").get("/api/v1/articles")
                .then().body("total", equalTo(1)).body("hits[0].id", equalTo(flood));
        analyst().queryParam("q", tag).queryParam("type", "PERSON").get("/api/v1/articles").then().body("total", equalTo(2));
        analyst().queryParam("q", tag).queryParam("source", "Etna Courier").queryParam("source", "Levante Post")
                .get("/api/v1/articles").then().body("total", equalTo(2));
        analyst().queryParam("q", tag).queryParam("language", "de").get("/api/v1/articles").then().body("total", equalTo(1));
        analyst().queryParam("q", tag).queryParam("from", "2024-03-02").queryParam("to", "2024-03-05")
                .get("/api/v1/articles").then().body("total", equalTo(2));
    }

    @Test
    void facetsCountEntitiesSourcesAndDatesOverTheWholeMatch() {
        analyst().queryParam("q", tag).get("/api/v1/articles").then().statusCode(200)
                .body("total", equalTo(4))
                .body("facets.entities.PERSON.name", hasItem("Carlos Mazón"))
                .body("facets.entities.LOCATION.find { it.name == 'Catania' }.count", equalTo(1))
                .body("facets.sources.name", hasItem("Etna Courier"))
                .body("facets.dateInterval", equalTo("day"))
                .body("facets.dates.find { it.date == '2024-03-01' }.count", equalTo(1));
    }

    @Test
    void sortByDateAndCursorPagingVisitEveryHitOnce() {
        analyst().queryParam("q", tag).queryParam("sort", "date").get("/api/v1/articles").then()
                .body("hits.id", contains(german, flood, hostile, volcano));
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 10; i++) {
            RequestSpecification r = analyst().queryParam("q", tag).queryParam("sort", "date").queryParam("size", 1);
            if (cursor != null) {
                r = r.queryParam("cursor", cursor);
            }
            var page = r.get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("hits.id");
            if (ids.isEmpty()) {
                break;
            }
            order.addAll(ids);
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertEquals(List.of(german, flood, hostile, volcano), order);
        assertEquals(4, seen.size());
        analyst().queryParam("q", tag).queryParam("sort", "relevance").queryParam("size", 2).get("/api/v1/articles")
                .then().body("nextCursor", notNullValue()).body("hits.score", everyItem(notNullValue()));
    }

    @Test
    void badInputIs400ProblemNamingTheParameter() {
        for (String q : new String[] {"\"unclosed", "(a OR b", "a OR", "AND b", "NOT", "-", "*"}) {
            analyst().queryParam("q", q).get("/api/v1/articles").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("q"));
        }
        analyst().queryParam("sort", "price").get("/api/v1/articles").then().statusCode(400).body("errors.field", hasItem("sort"));
        analyst().queryParam("size", 1000).get("/api/v1/articles").then().statusCode(400).body("errors.field", hasItem("size"));
        analyst().queryParam("from", "2024-13-45").get("/api/v1/articles").then().statusCode(400).body("errors.field", hasItem("from"));
        analyst().queryParam("from", "2024-03-05").queryParam("to", "2024-03-01").get("/api/v1/articles").then().statusCode(400);
        analyst().queryParam("type", "ALIEN").get("/api/v1/articles").then().statusCode(400).body("errors.field", hasItem("type"));
        analyst().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/articles").then().statusCode(400);
        analyst().get("/api/v1/articles/no-such-article").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void injectionAttemptsInEveryParameterAreHarmless() {
        String[] attacks = {"'; DROP TABLE article; --", "\" OR 1=1 --", "x') || pg_sleep(5) --", "a:*&!b", "\\", "%' OR '1'='1",
            "$$; SELECT 1; $$"};
        for (String attack : attacks) {
            int status = analyst().queryParam("q", attack).get("/api/v1/articles").then().extract().statusCode();
            assertTrue(status == 200 || status == 400, attack + " -> " + status);
            analyst().queryParam("q", tag).queryParam("source", attack).get("/api/v1/articles").then().statusCode(200)
                    .body("total", equalTo(0));
            analyst().queryParam("entity", attack).get("/api/v1/articles").then().statusCode(400);
            analyst().queryParam("language", attack).get("/api/v1/articles").then().statusCode(400);
        }
        analyst().queryParam("q", tag).get("/api/v1/articles").then().body("total", equalTo(4));
    }

    @Test
    void searchNeedsTheAnalystRole() {
        given().queryParam("q", tag).get("/api/v1/articles").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forRole("ingestor")).queryParam("q", tag).get("/api/v1/articles").then().statusCode(403);
        given().auth().oauth2(Tokens.withoutAudience()).queryParam("q", tag).get("/api/v1/articles").then().statusCode(401);
        given().auth().oauth2(Tokens.forRole("admin")).queryParam("q", tag).get("/api/v1/articles").then().statusCode(200);
    }

    @Inject
    SearchService search;
    @Inject
    ArticleTextIndex textIndex;

    SearchRequest request(String q, String type, String from, String to, String sort) {
        return new SearchRequest(q, SearchQuery.parse(q), List.of(), type, List.of(), null,
                from == null ? null : Instant.parse(from), to == null ? null : Instant.parse(to), sort, 1, 20, null);
    }

    @Test
    void theTextIndexAnswersAsPostgresqlFullTextDoes() {
        await().atMost(Duration.ofSeconds(30)).until(textIndex::ready);
        List<SearchRequest> requests = List.of(request(tag, null, null, null, "relevance"),
                request(tag + " erupted", null, null, null, "relevance"),
                request(tag + " (erupted OR flooded)", null, null, null, "date"),
                request(tag + " -flooded", null, null, null, "date"),
                request(tag + " \"covering Catania\"", null, null, null, "relevance"),
                request(tag + " volcanolog*", null, null, null, "relevance"),
                request(tag, "PERSON", null, null, "date"),
                request(tag, null, "2024-03-02T00:00:00Z", "2024-03-05T00:00:00Z", "date"));
        for (SearchRequest r : requests) {
            SearchResult indexed = search.search(r, true, true);
            SearchResult sql = search.search(r, true, false);
            String what = r.rawQuery() + " type=" + r.entityType() + " from=" + r.from();
            assertEquals(sql.total(), indexed.total(), what);
            assertEquals(new HashSet<>(sql.hits().stream().map(SearchResult.Hit::id).toList()),
                    new HashSet<>(indexed.hits().stream().map(SearchResult.Hit::id).toList()), what);
            if (!r.byRelevance()) {
                assertEquals(sql.hits().stream().map(SearchResult.Hit::id).toList(),
                        indexed.hits().stream().map(SearchResult.Hit::id).toList(), what + ": newest first");
            }
            assertEquals(sql.facets(), indexed.facets(), what + ": facets");
            for (SearchResult.Hit hit : indexed.hits()) {
                assertTrue(hit.snippet().contains("<mark>"), what + ": " + hit.snippet());
                assertEquals(hit.snippet().replaceAll("</?mark>", "").indexOf('<'), -1, "escaped: " + hit.snippet());
            }
        }
    }

    @Test
    void aNewArticleIsSearchableAtOnceAndARemovedOneIsGone() {
        String marker = "qz" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String id = AnnotatedArticles.publishAndWait(AnnotatedArticles.article().title("Ferry delayed " + marker)
                .source("Harbour Times").publishedAt("2024-04-01T08:00:00Z")
                .text("The morning ferry was delayed by fog. Marker " + marker + ".").build());
        // no waiting for a poll: the search catches the index up with what the read model committed before it
        analyst().queryParam("q", marker).get("/api/v1/articles").then().statusCode(200)
                .body("total", equalTo(1)).body("hits[0].id", equalTo(id));
        AnnotatedArticles.remove(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> AnnotatedArticles.column(id, "id") == null);
        analyst().queryParam("q", marker).get("/api/v1/articles").then().statusCode(200)
                .body("total", equalTo(0)).body("facets.sources", org.hamcrest.Matchers.empty());
    }
}
