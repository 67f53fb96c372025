package io.newslens.e2e.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newslens.e2e.Articles;
import io.newslens.e2e.RunningStack;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An analyst's session in real Chromium against the running test stack: log in through Keycloak's form, search
 * with facets and the histogram, read an article with its highlights, open an entity and a story, watch an alert
 * update live, check keyboard use and contrast, log out. Screenshots go to target/screenshots.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalystJourneyUiTest {

    private final UiData data = new UiData();
    private List<String> ids;
    private Browser browser;

    @BeforeAll
    void setUp() {
        ids = data.postStory();
        Browser.ensureChromium();
        browser = Browser.start(1280, 900);
        UiData.awaitSearchable(ids);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    private int hitCount() {
        return browser.all("#hits > li").size();
    }

    private void awaitHits(int expected) {
        new WebDriverWait(browser.driver, Browser.WAIT).until(d -> hitCount() == expected
                && browser.all("#main > .page[data-loaded]").size() == 1);
    }

    /** After the live alert (order 6) posted its late article, the marker matches one more article. */
    private void awaitHitsAtLeast(int expected) {
        new WebDriverWait(browser.driver, Browser.WAIT).until(d -> hitCount() >= expected
                && browser.all("#main > .page[data-loaded]").size() == 1);
    }

    @Test
    @Order(1)
    void logsInThroughKeycloak() {
        UiLogin.login(browser, "01-login");
        browser.awaitPage("search");
        browser.screenshot("02-logged-in");
        assertTrue(browser.await(By.id("logout")).isDisplayed());
    }

    @Test
    @Order(2)
    void searchesWithFiltersFacetsAndHistogram() {
        WebElement q = browser.await(By.id("q"));
        q.clear();
        q.sendKeys(data.marker, Keys.ENTER);
        awaitHits(3);
        assertEquals("3 articles", browser.await(By.id("results-heading")).getText());
        assertFalse(browser.all("#date-histogram rect.bar").isEmpty(), "the date histogram has bars");
        Set<String> outlets = browser.all("section[aria-labelledby=facet-sources] .facet-name").stream()
                .map(WebElement::getText).collect(Collectors.toSet());
        assertEquals(new HashSet<>(data.outletOfArticle.values()), outlets);

        // the entity facets show what the API counted for the same search
        JsonPath api = UiData.get("/api/v1/articles?q=" + data.marker);
        List<String> apiPeople = api.getList("facets.entities.PERSON.name");
        if (apiPeople != null && !apiPeople.isEmpty()) {
            List<String> shownPeople = browser.all("section[aria-labelledby=facet-type-person] .facet-name").stream()
                    .map(WebElement::getText).toList();
            assertEquals(apiPeople.subList(0, Math.min(8, apiPeople.size())), shownPeople);
        }
        browser.fullPageScreenshot("03-search");

        // an outlet facet filters, its chip removes the filter again
        browser.driver.findElement(By.cssSelector("a[data-key='facet-source-Lake Daily']")).click();
        awaitHits(1);
        WebElement chip = browser.await(By.cssSelector("#active-filters a.chip"));
        assertTrue(chip.getText().contains("Lake Daily"));
        assertEquals("Lake Daily", browser.driver.findElement(By.cssSelector("#hits .source")).getText());
        chip.click();
        awaitHits(3);

        // newest first
        new Select(browser.driver.findElement(By.id("sort"))).selectByValue("date");
        browser.driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        new WebDriverWait(browser.driver, Browser.WAIT).until(d -> ((String) browser.js("return location.hash;")).contains("sort=date"));
        awaitHits(3);
        assertEquals("Riverside Post", browser.driver.findElement(By.cssSelector("#hits > li:first-child .source")).getText());

        // a histogram bar narrows the search to its period, keeping the words
        browser.driver.findElement(By.cssSelector("#date-histogram a.bar-link")).click();
        new WebDriverWait(browser.driver, Browser.WAIT).until(d -> ((String) browser.js("return location.hash;")).contains("from="));
        assertTrue(browser.await(By.cssSelector("#active-filters")).getText().contains("dates:"));
    }

    @Test
    @Order(3)
    void readsAnArticleWithEntitiesAndQuotesMarked() {
        String id = ids.get(0);
        browser.route("#/search?q=" + data.marker);
        awaitHits(3);
        browser.driver.findElement(By.cssSelector("#hits a[href='#/article/" + id + "']")).click();
        browser.awaitPage("article");
        JsonPath article = UiData.article(id);
        assertEquals(article.getString("title"), browser.await(By.id("article-title")).getText());
        // the highlighted text is the article's text, character for character
        assertEquals(article.getString("text"), browser.audit("visibleText", "#article-text").get("text"));

        Map<String, String> typeOfEntity = new HashMap<>();
        for (Map<String, Object> e : article.<Map<String, Object>>getList("annotations.entities")) {
            typeOfEntity.put((String) e.get("id"), (String) e.get("type"));
        }
        List<WebElement> mentions = browser.all("#article-text a.mention");
        assertFalse(article.getList("annotations.mentions").isEmpty(), "the pipeline found mentions");
        assertFalse(mentions.isEmpty(), "mentions are highlighted");
        for (WebElement m : mentions) {
            String entityId = m.getDomAttribute("data-entity");
            String type = typeOfEntity.get(entityId);
            assertNotNull(type, "a highlighted mention links to an entity of the article: " + entityId);
            assertTrue(m.getDomAttribute("class").contains(typeClass(type)), m.getDomAttribute("class") + " for " + type);
        }
        List<Map<String, Object>> quotes = article.getList("annotations.quotes");
        if (!quotes.isEmpty()) {
            assertFalse(browser.all("#article-text .quote").isEmpty(), "quotes are marked");
            Set<String> speakers = quotes.stream().map(qt -> (String) qt.get("speakerName")).filter(s -> s != null)
                    .collect(Collectors.toSet());
            for (WebElement tag : browser.all("#article-text .speaker:not(.unknown)")) {
                assertTrue(speakers.contains(tag.getText().replace("quote by", "").strip()), "speaker " + tag.getText());
            }
            if (!speakers.isEmpty()) {
                assertFalse(browser.all("#article-text .speaker:not(.unknown)").isEmpty(), "speakers are shown");
            }
        }
        browser.fullPageScreenshot("04-article");
    }

    static String typeClass(String type) {
        return "type-" + switch (type) {
            case "PERSON", "ORGANIZATION", "LOCATION", "DATE", "EQUIPMENT", "MISC" -> type.toLowerCase();
            default -> "misc";
        };
    }

    @Test
    @Order(4)
    void opensAnEntityWithTimelineAndNetwork() {
        browser.route("#/article/" + ids.get(0));
        browser.awaitPage("article");
        WebElement person = browser.all("#article-text a.mention.type-person").stream().findFirst()
                .orElse(browser.all("#article-text a.mention").stream().findFirst().orElseThrow());
        String entityId = person.getDomAttribute("data-entity");
        int status = UiData.status("/api/v1/entities/" + entityId);
        assumeTrue(status != 404 && status != 405, "GET /api/v1/entities/{id} is not served by query-service yet (issue 5)");
        JsonPath entity = UiData.get("/api/v1/entities/" + entityId);
        person.click();
        browser.awaitPage("entity");
        assertEquals(entity.getString("name"), browser.await(By.id("entity-name")).getText());
        assertTrue(browser.await(By.id("mentions-timeline")).isDisplayed());
        assertFalse(browser.all("#mentions-timeline svg rect.bar").isEmpty(), "the timeline has bars for the mentions just posted");
        WebElement network = browser.await(By.id("network"));
        int networkStatus = UiData.status("/api/v1/entities/" + entityId + "/network");
        if (networkStatus == 200) {
            List<?> nodes = UiData.get("/api/v1/entities/" + entityId + "/network").getList("nodes");
            if (nodes != null && nodes.size() > 1) {
                assertFalse(network.findElements(By.cssSelector("svg a")).isEmpty(), "co-mentioned entities are drawn as links");
            }
        }
        browser.fullPageScreenshot("05-entity");
    }

    @Test
    @Order(5)
    void opensTheStoryWithOutletsSideBySide() {
        browser.route("#/article/" + ids.get(0));
        browser.awaitPage("article");
        String storyHref = browser.await(By.id("story-link")).getDomAttribute("href");
        String storyId = storyHref.substring(storyHref.lastIndexOf('/') + 1);
        int status = UiData.status("/api/v1/stories/" + storyId);
        assumeTrue(status != 404 && status != 405, "GET /api/v1/stories/{id} is not served by query-service yet (issue 5)");
        JsonPath story = UiData.get("/api/v1/stories/" + storyId);
        browser.driver.findElement(By.id("story-link")).click();
        browser.awaitPage("story");
        Set<String> apiOutlets = story.<Map<String, Object>>getList("articles").stream()
                .map(a -> String.valueOf(a.get("source"))).collect(Collectors.toSet());
        Set<String> shownOutlets = browser.all("#outlets > section > h3").stream().map(WebElement::getText).collect(Collectors.toSet());
        assertEquals(apiOutlets, shownOutlets);
        List<Map<String, Object>> disagreements = story.getList("disagreements");
        // the outlets of UiData.postStory disagree on how long the strike lasted (five days / three-day strike)
        assertTrue(disagreements != null && !disagreements.isEmpty(), "the story's disagreements: " + disagreements);
        assertEquals(disagreements.size(), browser.all("#disagreements .disagreement").size());
        {
            String shown = browser.driver.findElement(By.id("disagreements")).getText();
            for (Map<String, Object> d : disagreements) {
                assertTrue(shown.contains(String.valueOf(d.get("topic"))), "topic " + d.get("topic"));
            }
        }
        browser.fullPageScreenshot("06-story");
    }

    @Test
    @Order(6)
    void alertUpdatesLive() {
        int status = UiData.status("/api/v1/alerts");
        assumeTrue(status != 404 && status != 405, "GET /api/v1/alerts is not served by query-service yet (issue 5)");
        browser.route("#/search?q=" + data.marker);
        awaitHits(3);
        browser.driver.findElement(By.id("save-alert")).click();
        WebElement watch = browser.await(By.cssSelector(".save-status a"));
        watch.click();
        browser.awaitPage("alert");
        new WebDriverWait(browser.driver, Browser.WAIT).until(d -> "open".equals(
                browser.driver.findElement(By.id("live-status")).getDomAttribute("data-state")));
        String late = data.postLate();
        Articles.awaitSearchable(late, Duration.ofSeconds(180));
        WebElement arrived = browser.await(By.cssSelector("#live-hits a[href='#/article/" + late + "']"), Duration.ofSeconds(90));
        assertTrue(arrived.getText().contains("ferry timetable restored"));
        browser.screenshot("07-alert-live");
    }

    @Test
    @Order(7)
    void worksWithTheKeyboardAndMeetsContrastAndLabels() {
        browser.open("/#/search?q=" + data.marker);
        browser.awaitPage("search");
        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        Map<String, Object> focus = browser.audit("focusState");
        assertEquals("skip-link", focus.get("id"), "the first Tab reaches the skip link");
        assertTrue((Boolean) focus.get("focusVisible"));
        assertFalse("none".equals(focus.get("outlineStyle")), "focus is visible: " + focus);
        // Tab on through the header to the search box, type and search without the mouse
        for (int i = 0; i < 12 && !"q".equals(browser.audit("focusState").get("id")); i++) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals("q", browser.audit("focusState").get("id"), "the search box is reachable by Tab");
        WebElement q = browser.driver.switchTo().activeElement();
        q.sendKeys(Keys.chord(Keys.CONTROL, "a"), data.marker + " " + data.town, Keys.ENTER);
        new WebDriverWait(browser.driver, Browser.WAIT).until(d -> ((String) browser.js("return location.hash;")).contains(data.town.replace(" ", "+")));
        awaitHitsAtLeast(3);

        for (String page : List.of("#/search?q=" + data.marker, "#/article/" + ids.get(1), "#/alerts")) {
            browser.route(page);
            browser.awaitPage(page.substring(2).split("[/?]")[0]);
            Map<String, Object> semantics = browser.audit("semantics");
            assertEquals(List.of(), semantics.get("unlabelled"), page + ": every form control has a label");
            assertEquals(List.of(), semantics.get("unnamed"), page + ": every link and button has a name");
            assertEquals(1L, semantics.get("main"));
            assertEquals(1L, semantics.get("banner"));
            assertEquals(1L, semantics.get("h1"), page + ": one h1");
            assertEquals("en", semantics.get("lang"));
            Map<String, Object> contrast = browser.audit("contrast");
            assertTrue(((Number) contrast.get("checked")).intValue() > 10, page + ": text was checked");
            assertEquals(List.of(), contrast.get("failures"), page + ": text contrast of at least 4.5:1");
        }
    }

    @Test
    @Order(8)
    void narrowScreensGetOneColumn() {
        browser.resize(390, 844);
        try {
            browser.route("#/search?q=" + data.marker);
            awaitHitsAtLeast(3);
            Map<String, Object> overflow = browser.audit("overflow");
            assertTrue(((Number) overflow.get("scrollWidth")).intValue() <= ((Number) overflow.get("innerWidth")).intValue(),
                    "no horizontal scrolling on a phone: " + overflow);
            browser.screenshot("08-search-narrow");
            browser.route("#/article/" + ids.get(0));
            browser.awaitPage("article");
            overflow = browser.audit("overflow");
            assertTrue(((Number) overflow.get("scrollWidth")).intValue() <= ((Number) overflow.get("innerWidth")).intValue(),
                    "no horizontal scrolling on a phone: " + overflow);
            browser.screenshot("09-article-narrow");
        } finally {
            browser.resize(1280, 900);
        }
    }

    @Test
    @Order(9)
    void logsOut() {
        browser.open("/#/search");
        browser.awaitPage("search");
        browser.await(By.id("logout")).click();
        WebElement login = browser.await(By.id("login"));
        assertTrue(login.isDisplayed());
        assertTrue(browser.driver.getCurrentUrl().startsWith(io.newslens.testsupport.TestStack.GATEWAY_URL));
        Object status = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/me', {headers: {'X-Requested-With': 'JavaScript'}, redirect: 'manual'})"
                        + ".then(r => done(r.status)).catch(e => done(String(e)));");
        assertTrue(Set.of(401L, 499L).contains(status), "the session is gone after logout: " + status);
        browser.screenshot("10-logged-out");
    }
}
