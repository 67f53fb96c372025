package io.newslens.e2e.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.e2e.Articles;
import io.newslens.e2e.RunningStack;
import io.newslens.testsupport.Tokens;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Articles are hostile input. These articles carry script tags, event handler attributes, javascript: and data:
 * URLs, style injections, markup in titles and outlet names, and a very long word; the browser must run none of
 * it, show it as text, keep the layout (no page wider than the window, header still visible), and raise no
 * Content-Security-Policy violation (which would mean markup from data reached the DOM and tried to run).
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileContentUiTest {

    private final String marker = "zh" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final List<String> ids = new ArrayList<>();
    private Browser browser;

    static final String LONG_WORD = "Pneumono" + "ultramicroscopic".repeat(300) + "silicovolcanoconiosis";
    static final String SCRIPT_TITLE = "<script>window.__pwned='title'</script><img src=x onerror=\"window.__pwned='title-img'\">";
    static final String EVIL_SOURCE = "<b onmouseover=\"window.__pwned='source'\">Evil Outlet</b><style>body{display:none}</style>";

    @BeforeAll
    void setUp() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body = "Hostile article " + marker + "\n\n"
                + "<script>window.__pwned='script'</script> Officials said the harbour reopened. "
                + "<img src=\"x\" onerror=\"window.__pwned='img'\"> A spokesperson for <svg onload=\"window.__pwned='svg'\">Acme Harbour Authority</svg> "
                + "said \"<iframe srcdoc=\\\"<script>parent.__pwned='iframe'</script>\\\"></iframe>\" in London on Monday. "
                + "<a href=\"javascript:window.__pwned='link'\">click here</a> <a href=\"data:text/html,<script>alert(1)</script>\">data</a> "
                + "<style>*{display:none!important} header{visibility:hidden}</style> "
                + "\" onfocus=\"window.__pwned='attr'\" autofocus x=\" "
                + "<div style=\"position:fixed;inset:0;background:red;z-index:9999\">overlay</div> "
                + "{{constructor.constructor('window.__pwned=\"template\"')()}} ${window.__pwned='template2'} "
                + LONG_WORD + " end of text " + marker + ".";
        ids.add(post(SCRIPT_TITLE + " Harbour reopens " + marker, EVIL_SOURCE, body, now, null));
        // a javascript: URL as the article's address: ingestion may refuse it; if it does, the article goes in without it
        String withUrl = post("<a href=javascript:alert(1)>Link title</a> " + marker, "Plain Outlet",
                "Second hostile article " + marker + ". Maria Hostile said \"<b>bold</b>\" in Paris. " + LONG_WORD, now.minusSeconds(60),
                "javascript:window.__pwned='url'");
        ids.add(withUrl);
        Browser.ensureChromium();
        browser = Browser.start(1280, 900);
        UiData.awaitSearchable(ids);
        UiLogin.login(browser, null);
        browser.audit("cspWatch");
        browser.consoleLog();
    }

    private static String post(String title, String source, String text, Instant publishedAt, String url) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("title", title);
        article.put("text", text);
        article.put("source", Map.of("name", source, "domain", "hostile.example"));
        article.put("publishedAt", publishedAt.toString());
        article.put("language", "en");
        if (url != null) {
            article.put("url", url);
            io.restassured.response.ExtractableResponse<?> response = given().auth().oauth2(Tokens.forRole("ingestor"))
                    .contentType(ContentType.JSON).body(article).post("/api/v1/articles").then().extract();
            if (response.statusCode() == 202) {
                return response.path("id");
            }
            article.remove("url");
        }
        return Articles.post(article);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    private void assertNothingRan(String where) {
        Map<String, Object> injected = browser.audit("injectedElements");
        assertEquals(0L, injected.get("count"), where + ": no element or attribute from article data: " + injected.get("samples"));
        Map<String, Object> csp = browser.audit("cspViolations");
        assertNull(csp.get("pwned"), where + ": no script from an article ran");
        assertEquals(List.of(), csp.get("violations"), where + ": no CSP violation");
        assertTrue(browser.driver.findElement(By.cssSelector("header.site-header")).isDisplayed(), where + ": the header is visible");
        assertTrue(browser.driver.findElement(By.id("main")).isDisplayed(), where + ": the page is visible");
        Map<String, Object> overflow = browser.audit("overflow");
        assertTrue(((Number) overflow.get("scrollWidth")).intValue() <= ((Number) overflow.get("innerWidth")).intValue(),
                where + ": the long word wraps instead of widening the page: " + overflow);
        for (LogEntry entry : browser.consoleLog()) {
            assertTrue(!entry.getMessage().contains("Content Security Policy") && !entry.getMessage().contains("Refused to"),
                    where + ": console: " + entry.getMessage());
        }
    }

    @Test
    void hostileArticlesRunNothingAndKeepTheLayout() {
        for (int width : new int[] {1280, 390}) {
            browser.resize(width, 900);
            browser.route("#/search?q=" + marker);
            new WebDriverWait(browser.driver, Browser.WAIT).until(d -> browser.all("#hits > li").size() == 2
                    && !browser.all("#main > .page-search[data-loaded]").isEmpty());
            // markup in titles, outlets and snippets is shown as the text it is
            String results = browser.driver.findElement(By.id("hits")).getText();
            assertTrue(results.contains("<script>window.__pwned='title'</script>"), results);
            assertTrue(results.contains("Evil Outlet</b><style>"), results);
            assertNothingRan("search at " + width + " px");
            browser.screenshot("hostile-search-" + width);

            browser.route("#/article/" + ids.get(0));
            browser.awaitPage("article");
            assertTrue(browser.await(By.id("article-title")).getText().startsWith(SCRIPT_TITLE));
            String text = browser.driver.findElement(By.id("article-text")).getText();
            assertTrue(text.contains("<img src=\"x\" onerror=\"window.__pwned='img'\">"), text.substring(0, Math.min(400, text.length())));
            assertTrue(text.contains("<style>*{display:none!important}"));
            assertNothingRan("article at " + width + " px");
            browser.screenshot("hostile-article-" + width);

            browser.route("#/article/" + ids.get(1));
            browser.awaitPage("article");
            // whatever ingestion kept as the URL, no link with a script URL exists (checked in assertNothingRan)
            assertNothingRan("second article at " + width + " px");

            String storyId = (String) UiData.article(ids.get(0)).get("storyId");
            if (storyId != null && UiData.status("/api/v1/stories/" + storyId) == 200) {
                browser.route("#/story/" + storyId);
                browser.awaitPage("story");
                assertNothingRan("story at " + width + " px");
            }
        }
        browser.resize(1280, 900);
    }
}
