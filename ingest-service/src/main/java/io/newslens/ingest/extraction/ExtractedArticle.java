package io.newslens.ingest.extraction;

import java.time.Instant;
import java.util.List;

/**
 * What cleaning found in a page or a text.
 *
 * @param title the headline (og:title, the visible h1 or the document title without the site's suffix)
 * @param byline the author names as the page gives them, or null
 * @param text the main article text, paragraphs separated by a blank line, boilerplate removed
 * @param publishedAt the original publication time, or null when no signal gives one (never invented, never an
 *     update time)
 * @param publishedAtSource which signal gave the date (json-ld, meta, itemprop, time, byline, url, text)
 * @param language ISO 639-1 code, or null when undetermined
 * @param canonicalUrl the page's canonical URL (link rel=canonical or og:url), or null
 * @param siteName the publication's name (og:site_name, JSON-LD publisher), or null
 * @param photoCredits photo credit lines (and captions carrying them) moved out of the text
 * @param modifiedAt when the page says it was last updated, or null; never used as the publication date
 */
public record ExtractedArticle(String title, String byline, String text, Instant publishedAt, String publishedAtSource,
        String language, String canonicalUrl, String siteName, List<String> photoCredits, Instant modifiedAt) {

    /** The shape of the first version, which callers construct for plain text. */
    public ExtractedArticle(String title, String byline, String text, Instant publishedAt, String publishedAtSource,
            String language, String canonicalUrl, String siteName, List<String> photoCredits) {
        this(title, byline, text, publishedAt, publishedAtSource, language, canonicalUrl, siteName, photoCredits, null);
    }
}
