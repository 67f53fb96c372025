package io.newslens.ingest.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.ingest.LocalWebServer;
import io.newslens.ingest.model.Article;
import io.newslens.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FetchingAndFeedsTest {

    static LocalWebServer web;

    @BeforeAll
    static void start() throws Exception {
        web = new LocalWebServer();
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    static String page(String title, String body, String date) {
        return "<html><head><title>" + title + "</title><meta property=\"article:published_time\" content=\"" + date
                + "\"></head><body><header>Menu Login Subscribe</header><article><h1>" + title + "</h1>"
                + "<p>" + body + "</p><p>The mayor said the decision would be reviewed next year after a public consultation "
                + "with residents of all districts.</p></article><footer>About us</footer></body></html>";
    }

    @Test
    void articleSubmittedByUrlIsFetchedAndExtracted() {
        String path = "/news/" + UUID.randomUUID();
        web.serve(path, "text/html; charset=utf-8", page("Tram line approved", "The city council of Ghent approved the new tram "
                + "line on Monday by 31 votes to 12. " + UUID.randomUUID(), "2024-09-16T07:00:00Z"));
        String id = given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                .body(Map.of("url", web.url(path))).post("/api/v1/articles")
                .then().statusCode(202).body("title", equalTo("Tram line approved")).extract().path("id");
        Article a = QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(id));
        assertTrue(a.text.contains("Ghent"), a.text);
        assertEquals("2024-09-16T07:00:00Z", a.publishedAt.toString());
    }

    @Test
    void fetchRefusesWrongContentTypesMissingPagesAndTooManyRedirects() {
        web.serve("/image.png", "image/png", "PNGDATA");
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body(Map.of("url", web.url("/image.png")))
                .post("/api/v1/articles").then().statusCode(422).body("detail", containsString("image/png"));
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body(Map.of("url", web.url("/missing")))
                .post("/api/v1/articles").then().statusCode(422).body("detail", containsString("404"));
        for (int i = 0; i < 8; i++) {
            web.serve("/loop" + i, 302, null, null, Map.of("Location", "/loop" + (i + 1)));
        }
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body(Map.of("url", web.url("/loop0")))
                .post("/api/v1/articles").then().statusCode(422).body("detail", containsString("redirects"));
    }

    @Test
    void privateAndLinkLocalAddressesAreRefusedAlsoBehindRedirectsAndNumericTricks() {
        // only 127.0.0.1 and localhost are allowed in the test configuration; everything else private is refused
        for (String url : new String[] {"http://10.0.0.1/a", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
            "http://2130706433/", "http://0x7f000001/", "http://192.168.1.1/", "http://[::ffff:10.0.0.1]/"}) {
            given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON).body(Map.of("url", url))
                    .post("/api/v1/articles").then().statusCode(422).body("errors.field", hasItem("url"));
        }
        web.serve("/to-metadata", 302, null, null, Map.of("Location", "http://169.254.169.254/latest/meta-data/"));
        given().auth().oauth2(Tokens.forRole("ingestor")).contentType(ContentType.JSON)
                .body(Map.of("url", web.url("/to-metadata"))).post("/api/v1/articles")
                .then().statusCode(422).body("detail", containsString("private"));
    }

    @Test
    void feedIsSubscribedPolledWithConditionalGetAndItsEntriesIngested() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String a1 = "/feed-" + run + "/a1";
        String a2 = "/feed-" + run + "/a2";
        web.serve(a1, "text/html", page("Bridge closed " + run, "The old bridge in Namur closed for repairs on Tuesday. " + run,
                "2024-10-01T06:00:00Z"));
        web.serve(a2, "text/html", page("Market reopens " + run, "The covered market in Liège reopened on Wednesday. " + run,
                "2024-10-02T06:00:00Z"));
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Meuse Gazette</title><language>en</language>"
                + "<item><title>Market reopens " + run + "</title><link>" + web.url(a2) + "</link><guid>" + a2 + "</guid>"
                + "<pubDate>Wed, 02 Oct 2024 06:00:00 GMT</pubDate></item>"
                + "<item><title>Bridge closed " + run + "</title><link>" + web.url(a1) + "</link><guid>" + a1 + "</guid>"
                + "<pubDate>Tue, 01 Oct 2024 06:00:00 GMT</pubDate></item></channel></rss>";
        String feedPath = "/feed-" + run + ".xml";
        web.serve(feedPath, 200, "application/rss+xml", rss, Map.of("ETag", "\"v1-" + run + "\""));

        Integer id = given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON)
                .body(Map.of("url", web.url(feedPath), "pollIntervalSeconds", 3600)).post("/api/v1/feeds")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON)
                .body(Map.of("url", web.url(feedPath))).post("/api/v1/feeds").then().statusCode(409);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.forRole("admin"))
                .get("/api/v1/feeds/" + id).then().statusCode(200).body("articlesIngested", equalTo(2))
                .body("title", equalTo("Meuse Gazette")));
        long feedHits = web.hitsOn(feedPath);
        given().auth().oauth2(Tokens.forRole("admin")).post("/api/v1/feeds/" + id + "/poll")
                .then().statusCode(200).body("status", equalTo(304));
        assertTrue(web.hitsOn(feedPath) > feedHits);
        assertTrue(web.hits.stream().anyMatch(h -> h.path().equals(feedPath) && h.headers().containsKey("If-none-match")),
                "the second poll was conditional");
        given().auth().oauth2(Tokens.forRole("admin")).get("/api/v1/feeds").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1));
        given().auth().oauth2(Tokens.forRole("ingestor")).get("/api/v1/feeds").then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("admin")).delete("/api/v1/feeds/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.forRole("admin")).get("/api/v1/feeds/" + id).then().statusCode(404);
    }

    @Test
    void feedPointingAtAPrivateAddressIsRefused() {
        given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://169.254.169.254/feed.xml")).post("/api/v1/feeds").then().statusCode(422);
        given().auth().oauth2(Tokens.forRole("admin")).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://example.org/feed.xml")).post("/api/v1/feeds").then().statusCode(422);
    }
}
