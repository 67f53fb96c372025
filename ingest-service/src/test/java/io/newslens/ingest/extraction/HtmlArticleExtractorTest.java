package io.newslens.ingest.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Main text, metadata and dates from HTML pages written for these tests (not the evaluation pages). */
class HtmlArticleExtractorTest {

    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

    private static final String P1 = "The regional water board voted on Thursday to build a second reservoir north of the city, "
            + "ending a decade of debate over how to supply a population that has grown by a third since 2010.";
    private static final String P2 = "Engineers estimate that the reservoir will hold enough water for eighteen months of normal "
            + "use, and that construction will take at least six years once the land has been bought.";
    private static final String P3 = "Farmers whose fields lie in the valley said they had not been consulted, and several of them "
            + "promised to challenge the purchase orders in court if the board refused to negotiate.";

    private static String page(String head, String articleExtras) {
        return "<!DOCTYPE html><html lang=\"en\"><head><title>Board approves second reservoir | Valley Ledger</title>"
                + "<meta property=\"og:site_name\" content=\"Valley Ledger\">" + head + "</head><body>"
                + "<header class=\"masthead\"><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav></header>"
                + "<div class=\"cookie-banner\"><p>We use cookies to improve your experience on our site.</p><button>Accept</button></div>"
                + "<main><article><h1>Board approves second reservoir</h1>"
                + "<div class=\"byline\">By Ana Ruiz</div>" + articleExtras
                + "<div class=\"article-body\"><p>" + P1 + "</p>"
                + "<div class=\"ad-slot\"><span>Advertisement</span></div>"
                + "<figure><img src=\"r.jpg\"><figcaption>The valley that would be flooded. Photo: Lee Chan/Valley Ledger</figcaption></figure>"
                + "<p>" + P2 + "</p>"
                + "<script>document.write('<p>injected tracking text</p>'); var secret = 'script text';</script>"
                + "<div class=\"share-tools\"><a>Facebook</a><a>Twitter</a><a>Email</a></div>"
                + "<p>" + P3 + "</p></div></article>"
                + "<section class=\"related-stories\"><h3>Related</h3><ul><li><a href=\"/a\">Drought emergency declared in the south "
                + "<time datetime=\"2019-07-01\">July 1, 2019</time></a></li><li><a href=\"/b\">Dam inspection finds cracks</a></li></ul></section>"
                + "<div id=\"comments\"><p>I have lived in this valley for fifty years and nobody ever asked us anything about it.</p></div>"
                + "</main><footer><p>© 2023 Valley Ledger. All rights reserved.</p></footer></body></html>";
    }

    @Test
    void keepsTheArticleAndDropsEverythingAroundIt() {
        ExtractedArticle a = extractor.extract(page("", ""), "https://valleyledger.example/news/reservoir");
        assertEquals(P1 + "\n\n" + P2 + "\n\n" + P3, a.text());
        assertEquals("Board approves second reservoir", a.title());
        assertEquals("Ana Ruiz", a.byline());
        assertEquals("Valley Ledger", a.siteName());
        assertEquals("en", a.language());
        assertTrue(a.photoCredits().stream().anyMatch(c -> c.contains("Lee Chan")), a.photoCredits().toString());
    }

    @Test
    void scriptTextNeverSurvivesEvenWhenEscapedIntoText() {
        String html = page("", "").replace("<p>" + P3 + "</p>",
                "<p>" + P3 + " &lt;script&gt;alert('x')&lt;/script&gt;</p><noscript><p>Please enable JavaScript</p></noscript>"
                        + "<style>.x{color:red}</style><iframe srcdoc=\"<script>alert(1)</script>\"></iframe>");
        ExtractedArticle a = extractor.extract(html, null);
        assertFalse(a.text().contains("script"), a.text());
        assertFalse(a.text().contains("injected tracking text"), a.text());
        assertFalse(a.text().contains("alert"), a.text());
        assertFalse(a.text().contains("color:red"), a.text());
        assertTrue(a.text().contains(P3.substring(0, 40)));
    }

    @Test
    void prefersTheOriginalPublicationOverUpdatesAndGenericDates() {
        String head = "<meta name=\"date\" content=\"2023-05-02T08:00:00Z\">"
                + "<meta property=\"article:modified_time\" content=\"2023-05-02T08:00:00Z\">"
                + "<meta property=\"article:published_time\" content=\"2023-04-28T17:20:00+02:00\">"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\","
                + "\"name\":\"Valley Ledger\"},{\"@type\":\"NewsArticle\",\"headline\":\"Board approves second reservoir\","
                + "\"datePublished\":\"2023-04-28T17:20:00+02:00\",\"dateModified\":\"2023-05-02T08:00:00Z\"}]}</script>";
        ExtractedArticle a = extractor.extract(page(head, "<p class=\"updated\">Updated May 2, 2023</p>"), null);
        assertNotNull(a.publishedAt());
        assertEquals(Instant.parse("2023-04-28T15:20:00Z"), a.publishedAt());
        assertEquals(Instant.parse("2023-05-02T08:00:00Z"), a.modifiedAt());
    }

    @Test
    void neverInventsADate() {
        ExtractedArticle a = extractor.extract(page("", ""), "https://valleyledger.example/news/reservoir");
        assertNull(a.publishedAt(), "the related story's date or the comments are not this article's date");
    }

    @Test
    void anUpdateDateAloneIsNotAPublicationDate() {
        String head = "<meta property=\"article:modified_time\" content=\"2023-05-02T08:00:00Z\">";
        ExtractedArticle a = extractor.extract(page(head, "<p>Updated: May 2, 2023</p>"), null);
        assertNull(a.publishedAt());
        assertNotNull(a.modifiedAt());
    }

    @Test
    void readsDatesWrittenInTheBylineInOtherLanguages() {
        assertEquals(LocalDate.of(2023, 4, 16), day(extractor.extract(page("",
                "<div class=\"meta\">Veröffentlicht am 16. April 2023, 14:30 Uhr</div>"), null)));
        assertEquals(LocalDate.of(2022, 11, 3), day(extractor.extract(page("",
                "<div class=\"date\">Publicado el 3 de noviembre de 2022</div>"), null)));
        assertEquals(LocalDate.of(2021, 2, 9), day(extractor.extract(page("",
                "<span class=\"dateline\">9 февраля 2021, 10:00</span>"), null)));
    }

    @Test
    void readsTheDateFromTheUrlWhenNothingElseSaysIt() {
        ExtractedArticle a = extractor.extract(page("", ""), "https://valleyledger.example/2020/09/14/reservoir-vote/");
        assertEquals(LocalDate.of(2020, 9, 14), day(a));
        assertEquals("url", a.publishedAtSource());
    }

    @Test
    void relativeDatesNeedAReferenceTime() {
        String html = page("", "<div class=\"timestamp\">Published 3 hours ago</div>");
        assertNull(extractor.extract(html, null).publishedAt());
        Instant fetched = Instant.parse("2023-06-01T12:00:00Z");
        assertEquals(Instant.parse("2023-06-01T09:00:00Z"), extractor.extract(html, null, fetched).publishedAt());
    }

    @Test
    void honoursTimeZones() {
        String head = "<meta property=\"article:published_time\" content=\"2023-04-16T23:30:00-07:00\">";
        assertEquals(Instant.parse("2023-04-17T06:30:00Z"), extractor.extract(page(head, ""), null).publishedAt());
        ExtractedArticle et = extractor.extract(page("", "<div class=\"date\">Apr. 16, 2023 9:30 AM ET</div>"), null);
        assertEquals(Instant.parse("2023-04-16T13:30:00Z"), et.publishedAt());
    }

    @Test
    void choosesThePagesOwnArticleAmongSeveralJsonLdArticles() {
        String head = "<link rel=\"canonical\" href=\"https://valleyledger.example/news/reservoir\">"
                + "<script type=\"application/ld+json\">[{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"url\":\"https://valleyledger.example/news/old-dam\",\"datePublished\":\"2018-03-01\"},"
                + "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"url\":\"https://valleyledger.example/news/reservoir\","
                + "\"datePublished\":\"2023-04-27\"}]</script>";
        ExtractedArticle a = extractor.extract(page(head, ""), null);
        assertEquals(LocalDate.of(2023, 4, 27), day(a));
        assertEquals("https://valleyledger.example/news/reservoir", a.canonicalUrl());
    }

    @Test
    void detectsTheLanguageOfTheText() {
        String html = "<html><body><article><h1>Neuer Stausee</h1><p>Der Wasserverband hat am Donnerstag beschlossen, "
                + "nördlich der Stadt einen zweiten Stausee zu bauen. Damit endet eine zehnjährige Debatte darüber, wie eine "
                + "wachsende Bevölkerung mit Wasser versorgt werden soll.</p><p>Die Bauzeit wird auf mindestens sechs Jahre "
                + "geschätzt, sobald die Grundstücke gekauft sind.</p></article></body></html>";
        assertEquals("de", extractor.extract(html, null).language());
    }

    private static LocalDate day(ExtractedArticle a) {
        assertNotNull(a.publishedAt(), "no date found");
        return a.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
