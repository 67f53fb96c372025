package io.newslens.query;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newslens.contracts.ArticleAnnotated;
import io.newslens.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadModelTest {

    static AnnotatedArticles.Builder harbourArticle() {
        return AnnotatedArticles.article().title("Harbour reopens").text("The harbour of ")
                .entity("e_test_gdansk", "Gdansk", "LOCATION").text(" reopened on Monday, said mayor ")
                .entity("e_test_dulkiewicz", "Aleksandra Dulkiewicz", "PERSON").text(".");
    }

    @Test
    void sameArticleAndVersionTwiceChangesNothing() throws Exception {
        ArticleAnnotated a = harbourArticle().build();
        AnnotatedArticles.publishAndWait(a);
        String indexedAt = AnnotatedArticles.column(a.id(), "indexed_at");
        AnnotatedArticles.publish(a);
        // a marker published after the repeat: once it is in, the repeat has been consumed
        ArticleAnnotated marker = harbourArticle().build();
        AnnotatedArticles.publishAndWait(marker);
        assertEquals(indexedAt, AnnotatedArticles.column(a.id(), "indexed_at"), "re-delivery left the row untouched");
    }

    @Test
    void newerPipelineVersionReplacesAndOlderIsIgnored() {
        AnnotatedArticles.Builder b = harbourArticle().version("2026.11.1");
        ArticleAnnotated v1 = b.build();
        AnnotatedArticles.publishAndWait(v1);
        ArticleAnnotated v2 = new ArticleAnnotated(v1.schemaVersion(), v1.id(), "2026.11.10", v1.url(), v1.source(),
                "Harbour reopens after storm", v1.byline(), v1.publishedAt(), v1.language(), v1.text(), v1.textHash(),
                v1.ingestedAt(), v1.duplicateOf(), v1.annotatedAt(), 1, v1.annotations());
        AnnotatedArticles.publishAndWait(v2);
        given().auth().oauth2(Tokens.forRole("analyst")).get("/api/v1/articles/" + v1.id())
                .then().statusCode(200).body("title", equalTo("Harbour reopens after storm"))
                .body("pipelineVersion", equalTo("2026.11.10"));
        AnnotatedArticles.publish(v1);
        AnnotatedArticles.publishAndWait(harbourArticle().build());
        assertEquals("2026.11.10", AnnotatedArticles.column(v1.id(), "pipeline_version"), "an older version never wins");
    }

    @Test
    void removalForgetsTheArticleAlsoWhenAnOlderEventIsReplayed() {
        ArticleAnnotated a = harbourArticle().build();
        AnnotatedArticles.publishAndWait(a);
        AnnotatedArticles.remove(a.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> AnnotatedArticles.column(a.id(), "id") == null);
        AnnotatedArticles.publish(a);
        AnnotatedArticles.publishAndWait(harbourArticle().build());
        assertNull(AnnotatedArticles.column(a.id(), "id"), "a replayed event does not bring a removed article back");
        given().auth().oauth2(Tokens.forRole("analyst")).get("/api/v1/articles/" + a.id()).then().statusCode(404);
    }

    @Test
    void poisonRecordDoesNotStopTheStream() {
        AnnotatedArticles.send("poison", "{not json at all", null);
        AnnotatedArticles.publishAndWait(harbourArticle().build());
    }
}
