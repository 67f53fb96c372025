package io.newslens.query.stories;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.contracts.ArticleAnnotated;
import io.newslens.contracts.SourceRef;
import io.newslens.query.AnnotatedArticles;
import io.newslens.query.stories.StoryFixtures.Fixture;
import io.newslens.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Stories through the real path: the five sample articles and reports of other events with the same people, annotated
 * offline by the real NLP pipeline (stories/fixtures), go through Kafka into the read model; the story endpoints are
 * read with real tokens. Each run moves its articles to a time of its own, so runs against the same database never
 * share a story window.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoryEndpointsTest {

    static final List<String> SAMPLES = List.of("seed-000", "seed-001", "seed-002", "seed-003", "seed-004");
    /** Li Shangfu in Minsk days later, Putin in Kherson the same week: same people, other events. */
    static final List<String> DISTRACTORS = List.of("minsk-1", "minsk-2", "kherson-1");

    final String run = Long.toString(System.nanoTime(), 36);
    final Duration shift = Duration.ofDays(30L * (200 + new Random().nextInt(20_000)));
    final Map<String, String> ids = new LinkedHashMap<>();
    String liShangfu;

    @BeforeAll
    void publish() {
        for (String f : concat(SAMPLES, DISTRACTORS)) {
            Fixture x = StoryFixtures.byId(f);
            String id = f + "-" + run;
            Instant published = x.publishedAt().plus(shift);
            AnnotatedArticles.publish(new ArticleAnnotated(ArticleAnnotated.SCHEMA_VERSION, id, "2026.11.1",
                    "https://example.org/" + id, new SourceRef(x.source(), null), x.title(), null, published, "en", x.text(),
                    null, published, null, Instant.now(), 5, x.annotations()));
            ids.put(f, id);
        }
        ids.values().forEach(id -> AnnotatedArticles.awaitVersion(id, "2026.11.1"));
        liShangfu = StoryFixtures.byId("seed-000").annotations().entities().stream()
                .filter(e -> "Li Shangfu".equals(e.name())).findFirst().orElseThrow().id();
    }

    static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    RequestSpecification analyst() {
        return given().auth().oauth2(Tokens.forRole("analyst"));
    }

    String storyOf(String fixture) {
        return AnnotatedArticles.column(ids.get(fixture), "story_id");
    }

    @Test
    void theSampleArticlesFormOneStoryAndOtherEventsWithTheSamePeopleDoNotJoinIt() {
        Set<String> stories = SAMPLES.stream().map(this::storyOf).collect(Collectors.toSet());
        assertEquals(1, stories.size(), "sample articles in stories " + stories);
        String story = stories.iterator().next();
        assertNotNull(story);
        for (String d : DISTRACTORS) {
            assertNotEquals(story, storyOf(d), d + " joined the sample story");
        }
        assertEquals(storyOf("minsk-1"), storyOf("minsk-2"), "the two Minsk reports are one story");
    }

    @Test
    void theStoryShowsArticlesOutletsEntitiesEventsAndDisagreements() {
        String story = storyOf("seed-000");
        JsonPath body = analyst().get("/api/v1/stories/" + story).then().statusCode(200)
                .body("id", equalTo(story))
                .body("articles", hasSize(5))
                .body("articles.id", hasItem(ids.get("seed-004")))
                .body("articles.title", hasItem("US-Sanctioned Chinese Defence Minister Calls on Putin"))
                .body("articles.publishedAt", everyItem(notNullValue()))
                .body("articles.url", everyItem(notNullValue()))
                .body("sources.name", hasItem("South China Morning Post"))
                .body("sources.find { it.name == 'South China Morning Post' }.articleCount", equalTo(2))
                .body("entities.id", hasItem(liShangfu))
                .body("entities.find { it.id == '" + liShangfu + "' }.count", equalTo(5))
                .body("events", notNullValue())
                .body("disagreements.size()", greaterThanOrEqualTo(2))
                .extract().jsonPath();
        assertEquals(body.getString("firstPublishedAt"), body.getList("articles.publishedAt", String.class).get(0));

        // the visit's length: four days in most reports, three in one, each side with its outlets and sentences
        Map<String, Object> duration = body.getMap("disagreements.find { it.kind == 'duration' }");
        assertNotNull(duration, "no duration point in " + body.getList("disagreements"));
        assertTrue(((String) duration.get("topic")).contains("visit"), duration.toString());
        List<Map<String, Object>> sides = body.getList("disagreements.find { it.kind == 'duration' }.sides");
        assertEquals(Set.of("four-day", "three-day"), sides.stream().map(s -> (String) s.get("value")).collect(Collectors.toSet()));
        Map<String, Object> three = sides.stream().filter(s -> s.get("value").equals("three-day")).findFirst().orElseThrow();
        assertEquals(List.of(ids.get("seed-004")), three.get("articleIds"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sentences = (List<Map<String, Object>>) three.get("sentences");
        assertTrue(((String) sentences.get(0).get("text")).contains("three-day visit"), sentences.toString());
        assertEquals(ids.get("seed-004"), sentences.get(0).get("articleId"));

        // the air-defence system of the 2018 sanctions: S-200 in one report, S-400 in another
        List<String> equipment = body.getList("disagreements.find { it.kind == 'equipment' }.sides.value", String.class);
        assertEquals(Set.of("S-200", "S-400"), Set.copyOf(equipment));

        // a second read comes from the stored analysis and says the same
        analyst().get("/api/v1/stories/" + story).then().statusCode(200)
                .body("disagreements.kind", equalTo(body.getList("disagreements.kind")));
    }

    @Test
    void storiesAreListedLatestFirstByEntityAndTime() {
        String story = storyOf("seed-000");
        String day = StoryFixtures.byId("seed-000").publishedAt().plus(shift).toString().substring(0, 10);
        analyst().queryParam("entity", liShangfu).queryParam("from", day).get("/api/v1/stories").then().statusCode(200)
                .body("items.id", hasItem(story)).body("total", greaterThanOrEqualTo(1))
                .body("items.find { it.id == '" + story + "' }.articleCount", equalTo(5));
        analyst().queryParam("entity", liShangfu).queryParam("from", day).get("/api/v1/stories").then()
                .body("items.id", hasItem(storyOf("minsk-1")));
        // the Minsk story is later than the sample story: it comes first
        List<String> order = analyst().queryParam("entity", liShangfu).queryParam("from", day).queryParam("size", 100)
                .get("/api/v1/stories").then().extract().jsonPath().getList("items.id", String.class);
        assertTrue(order.indexOf(storyOf("minsk-1")) < order.indexOf(story), order.toString());
        analyst().queryParam("entity", liShangfu).queryParam("from", day).queryParam("size", 1).get("/api/v1/stories").then()
                .body("items", hasSize(1)).body("size", equalTo(1));
        analyst().queryParam("entity", "e_nobody_" + run).get("/api/v1/stories").then().statusCode(200)
                .body("total", equalTo(0));
        analyst().queryParam("entity", liShangfu).queryParam("to", "2000-01-01").get("/api/v1/stories").then()
                .body("items.id", not(hasItem(story)));
    }

    @Test
    void badInputIsAProblemAndRolesAreChecked() {
        given().get("/api/v1/stories").then().statusCode(401);
        given().auth().oauth2(Tokens.forRole("ingestor")).get("/api/v1/stories").then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("ingestor")).get("/api/v1/stories/" + storyOf("seed-000")).then().statusCode(403);
        for (String[] bad : new String[][] {{"size", "1000"}, {"size", "0"}, {"page", "0"}, {"from", "yesterday"},
                {"to", "2023-13-45"}, {"entity", "x' OR '1'='1"}}) {
            analyst().queryParam(bad[0], bad[1]).get("/api/v1/stories").then().statusCode(400)
                    .contentType(containsString("application/problem+json")).body("status", equalTo(400))
                    .body("detail", containsString(bad[0]));
        }
        analyst().queryParam("from", "2024-05-02").queryParam("to", "2024-05-01").get("/api/v1/stories").then().statusCode(400);
        analyst().get("/api/v1/stories/s_unknown_" + run).then().statusCode(404)
                .contentType(containsString("application/problem+json")).body("status", equalTo(404));
        analyst().get("/api/v1/stories/bad%20id%3B").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }
}
