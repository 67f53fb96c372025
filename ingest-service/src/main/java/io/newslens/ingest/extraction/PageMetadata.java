package io.newslens.ingest.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Title, byline, canonical URL, site name and declared language of an article page. */
final class PageMetadata {

    record Meta(String title, String byline, String canonicalUrl, String siteName, String declaredLanguage) {
    }

    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|–—·:»-]\\s+|\\s+::\\s+");
    private static final Pattern BY_PREFIX = Pattern.compile("(?iu)^(?:by|von|par|por|di|door|av|de|автор|текст)\\s*:?\\s+");
    private static final Pattern URLISH = Pattern.compile("(?i)^(?:https?://|www\\.|/).*");

    private PageMetadata() {
    }

    static Meta read(Document page, String pageUrl, List<JsonNode> jsonLd) {
        JsonNode article = null;
        JsonNode publisher = null;
        for (JsonNode n : jsonLd) {
            if (article == null && JsonLd.isArticle(n)) {
                article = n;
            }
            if (publisher == null && (JsonLd.hasType(n, "NewsMediaOrganization") || JsonLd.hasType(n, "Organization"))) {
                publisher = n;
            }
        }
        String siteName = firstNonBlank(meta(page, "og:site_name"), article == null ? null : JsonLd.text(article, "publisher"),
                publisher == null ? null : JsonLd.text(publisher, "name"), meta(page, "application-name"),
                meta(page, "al:android:app_name"));
        String title = title(page, article, siteName);
        String byline = byline(page, article);
        String canonical = null;
        Element link = page.selectFirst("link[rel=canonical][href]");
        if (link != null) {
            canonical = link.attr("abs:href").isBlank() ? link.attr("href") : link.attr("abs:href");
        }
        if (canonical == null || canonical.isBlank() || !canonical.startsWith("http")) {
            String og = meta(page, "og:url");
            canonical = og != null && og.startsWith("http") ? og : null;
        }
        return new Meta(title, byline, canonical, siteName, declaredLanguage(page));
    }

    private static String title(Document page, JsonNode article, String siteName) {
        Element h1 = null;
        for (Element e : page.select("h1")) {
            if (e.closest("header.site-header, nav, footer, aside, [class~=(?i)logo]") == null && !e.text().isBlank()) {
                h1 = e;
                break;
            }
        }
        String og = stripSite(firstNonBlank(meta(page, "og:title"), meta(page, "twitter:title")), siteName);
        String headline = article == null ? null : JsonLd.text(article, "headline");
        String h1Text = h1 == null ? null : h1.text().strip();
        String docTitle = stripSite(page.title(), siteName);
        // the visible headline when it agrees with a declared one; declared titles are often shortened or suffixed
        if (h1Text != null && !h1Text.isEmpty() && (og == null || similar(h1Text, og) || similar(h1Text, headline)
                || similar(h1Text, docTitle))) {
            return h1Text;
        }
        return firstNonBlank(og, headline, h1Text, docTitle);
    }

    /** "Headline | Site", "Headline - Site", "Site: Headline": the part that is not the site's name. */
    static String stripSite(String title, String siteName) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = title.strip();
        String[] parts = TITLE_SEPARATOR.split(t);
        if (parts.length < 2) {
            return t;
        }
        if (siteName != null) {
            String site = siteName.toLowerCase(Locale.ROOT);
            List<String> keep = new ArrayList<>();
            for (String p : parts) {
                String lp = p.toLowerCase(Locale.ROOT).strip();
                if (!(lp.equals(site) || site.contains(lp) && lp.length() > 2 || lp.contains(site) && lp.length() < site.length() + 8)) {
                    keep.add(p.strip());
                }
            }
            if (!keep.isEmpty() && keep.size() < parts.length) {
                return String.join(" - ", keep);
            }
        }
        // without a known site name: drop a short last part (a site suffix) when the first part is a real headline
        String last = parts[parts.length - 1].strip();
        if (LineRules.wordCount(last) <= 4 && LineRules.wordCount(t) - LineRules.wordCount(last) >= 4) {
            return t.substring(0, t.lastIndexOf(last)).replaceAll("[\\s|–—·:»-]+$", "").strip();
        }
        return t;
    }

    private static String byline(Document page, JsonNode article) {
        List<String> candidates = new ArrayList<>();
        if (article != null) {
            candidates.add(JsonLd.text(article, "author"));
        }
        candidates.add(meta(page, "author"));
        candidates.add(meta(page, "article:author"));
        candidates.add(meta(page, "parsely-author"));
        candidates.add(meta(page, "sailthru.author"));
        candidates.add(meta(page, "dc.creator"));
        candidates.add(meta(page, "byl"));
        Element itemAuthor = page.selectFirst("[itemprop=author] [itemprop=name], [itemprop=author]");
        if (itemAuthor != null) {
            candidates.add(itemAuthor.hasAttr("content") ? itemAuthor.attr("content") : itemAuthor.text());
        }
        Element rel = page.selectFirst("a[rel=author], [rel=author]");
        if (rel != null) {
            candidates.add(rel.text());
        }
        Element byl = page.selectFirst("[class~=(?i)(^|[-_ ])(byline|author-?name|article-?author|post-?author|autor|auteur)"
                + "([-_ ]|$)]");
        if (byl != null) {
            candidates.add(byl.text());
        }
        for (String c : candidates) {
            String cleaned = cleanByline(c);
            if (cleaned != null) {
                return cleaned;
            }
        }
        return null;
    }

    static String cleanByline(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("\\s+", " ").strip();
        if (s.isEmpty() || URLISH.matcher(s).matches()) {
            return null;
        }
        s = BY_PREFIX.matcher(s).replaceFirst("");
        // "Jane Doe | April 16, 2023", "Jane Doe, Reuters • 3 min read": keep the names
        s = s.split("\\s+[|•·]\\s+|\\s+[-–—]\\s+(?=\\p{Lu}\\p{Ll}+\\.?\\s+\\d)")[0].strip();
        var date = DateTexts.findFirst(s, true);
        if (date.isPresent() && date.get().start() > 0) {
            s = s.substring(0, date.get().start()).replaceAll("[\\s,;|–—-]+$", "").strip();
        }
        s = s.replaceAll("(?iu)\\s*(updated|published|veröffentlicht|publié|publicado).*$", "").strip();
        if (s.isEmpty() || s.length() > 120 || LineRules.wordCount(s) > 16) {
            return null;
        }
        return s;
    }

    private static String declaredLanguage(Document page) {
        Element html = page.selectFirst("html[lang]");
        String lang = html == null ? null : html.attr("lang");
        if (lang == null || lang.isBlank()) {
            lang = firstNonBlank(meta(page, "og:locale"), meta(page, "content-language"), meta(page, "language"));
            Element equiv = page.selectFirst("meta[http-equiv~=(?i)content-language]");
            if ((lang == null || lang.isBlank()) && equiv != null) {
                lang = equiv.attr("content");
            }
        }
        if (lang == null) {
            return null;
        }
        String primary = lang.strip().toLowerCase(Locale.ROOT).split("[-_,; ]")[0];
        return primary.matches("[a-z]{2}") ? primary : null;
    }

    static String meta(Document page, String name) {
        for (Element e : page.select("meta[content]")) {
            if (name.equalsIgnoreCase(e.attr("property")) || name.equalsIgnoreCase(e.attr("name"))
                    || name.equalsIgnoreCase(e.attr("itemprop"))) {
                String v = e.attr("content").strip();
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return null;
    }

    private static boolean similar(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = a.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        String y = b.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return x.equals(y) || x.startsWith(y) || y.startsWith(x) || x.contains(y) && y.length() > 20
                || y.contains(x) && x.length() > 20;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
