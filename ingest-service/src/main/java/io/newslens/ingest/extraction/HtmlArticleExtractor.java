package io.newslens.ingest.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns an article page's HTML into its main text and metadata: title, byline, publication date (original, not
 * the last update), language, canonical URL, site name and photo credits. The text comes from
 * {@link ArticleBodyExtractor} (readability-style scoring on jsoup with boilerplate pruning); readability4j is the
 * fallback when that finds next to nothing. HTML is hostile input: script, style and other non-text elements are
 * removed before any text is read, and nothing markup-like that spells a script survives into the text.
 */
@ApplicationScoped
public class HtmlArticleExtractor {

    /** Below this, the extracted text is suspect and readability4j gets a say. */
    private static final int SHORT_TEXT = 250;
    private static final Pattern SCRIPT_TEXT = Pattern.compile("(?is)<\\s*script\\b.*?(?:<\\s*/\\s*script\\s*>|$)|<\\s*/?\\s*script\\b[^>]*>");

    private final TextCleaner cleaner;
    private final PublicationDateExtractor dates;
    private final LanguageDetector languages;

    @Inject
    public HtmlArticleExtractor(TextCleaner cleaner, PublicationDateExtractor dates, LanguageDetector languages) {
        this.cleaner = cleaner;
        this.dates = dates;
        this.languages = languages;
    }

    /** For unit tests and tools outside CDI. */
    HtmlArticleExtractor() {
        this(new TextCleaner(), new PublicationDateExtractor(), new LanguageDetector());
    }

    public ExtractedArticle extract(String html, String pageUrl) {
        return extract(html, pageUrl, null);
    }

    /**
     * @param fetchedAt when the page was fetched, if known: the reference for relative dates ("3 hours ago");
     *     without it such dates are ignored
     */
    public ExtractedArticle extract(String html, String pageUrl, Instant fetchedAt) {
        Document page = Jsoup.parse(html == null ? "" : html, pageUrl == null ? "" : pageUrl);
        List<JsonNode> jsonLd = JsonLd.objects(page);
        PageMetadata.Meta meta = PageMetadata.read(page, pageUrl, jsonLd);

        ArticleBodyExtractor.Body body = ArticleBodyExtractor.extract(page.clone(), meta.title());
        String text = body.text();
        List<String> credits = new ArrayList<>(body.photoCredits());
        if (text.length() < SHORT_TEXT) {
            String fallback = readability(html, pageUrl, credits);
            if (fallback.length() > Math.max(2 * text.length(), SHORT_TEXT)) {
                text = fallback;
            }
        }
        text = SCRIPT_TEXT.matcher(text).replaceAll("").strip();

        PublicationDateExtractor.Dates found = dates.find(page, pageUrl, text, fetchedAt);
        String language = languages.detect(text).orElse(null);
        if (language == null && meta.declaredLanguage() != null && text.length() < 200) {
            language = meta.declaredLanguage(); // too little text to judge: the page's own statement
        }
        return new ExtractedArticle(meta.title(), meta.byline(), text,
                found.published() == null ? null : found.published().instant(),
                found.published() == null ? null : found.published().source(), language, meta.canonicalUrl(),
                meta.siteName(), List.copyOf(credits), found.modified() == null ? null : found.modified().instant());
    }

    /** readability4j's article, as blocks through the same line rules. */
    private String readability(String html, String pageUrl, List<String> credits) {
        try {
            String content = new Readability4J(pageUrl == null ? "" : pageUrl, html).parse().getContent();
            if (content == null || content.isBlank()) {
                return "";
            }
            List<TextCleaner.Block> blocks = new ArrayList<>();
            for (String paragraph : htmlToText(content).split("\\n\\n")) {
                if (!paragraph.isBlank()) {
                    blocks.add(new TextCleaner.Block(paragraph.strip(), false));
                }
            }
            TextCleaner.CleanedBlocks cleaned = cleaner.cleanBlocks(blocks);
            for (String c : cleaned.photoCredits()) {
                if (!credits.contains(c)) {
                    credits.add(c);
                }
            }
            StringBuilder sb = new StringBuilder();
            for (TextCleaner.Block b : cleaned.kept()) {
                sb.append(b.text()).append("\n\n");
            }
            return sb.toString().strip();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Block elements become paragraphs separated by a blank line; inline markup disappears. */
    static String htmlToText(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script,style,noscript,iframe,svg,form,button,template,object,embed").remove();
        StringBuilder out = new StringBuilder();
        for (Element block : doc.body().select("p,h1,h2,h3,h4,h5,h6,li,blockquote,pre,td,dd,dt")) {
            if (!block.children().select("p,li,blockquote,pre").isEmpty() && !block.tagName().equals("li")) {
                continue; // a container: its children are visited on their own
            }
            String t = block.text().strip();
            if (!t.isEmpty()) {
                out.append(t).append("\n\n");
            }
        }
        if (out.isEmpty()) {
            return doc.body().text();
        }
        return out.toString().strip();
    }
}
