package io.newslens.ingest.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds an article page's original publication date from every signal the page offers, strongest first:
 * JSON-LD ({@code datePublished} of the page's own article, through {@code @graph}s and arrays), meta tags
 * (Open Graph, Parse.ly, Sailthru, Dublin Core, itemprop), {@code itemprop=datePublished} and {@code <time>} elements
 * outside related-story and comment furniture, date lines near the headline in many languages, the URL, and finally
 * the first lines of the text. Within the strongest tier that has a publication date, the earliest wins: an update
 * or a re-publication is always later than the original. Dates labelled as updates never become the publication
 * date; a page that gives nothing reliable gets none.
 */
@ApplicationScoped
public class PublicationDateExtractor {

    /** A date and the signal that gave it (json-ld, meta, itemprop, time, byline, url, text). */
    public record Found(Instant instant, String source) {
    }

    /** The original publication (or null) and the last modification (or null). */
    public record Dates(Found published, Found modified) {
    }

    enum Kind { PUBLISHED, MODIFIED }

    record Candidate(Instant instant, Kind kind, int strength, String source, boolean hasTime) {
    }

    static final int STRUCTURED = 8;
    static final int PAGE_TEXT = 5;

    private static final Set<String> META_PUBLISHED = Set.of("article:published_time", "og:article:published_time",
            "og:published_time", "article.published", "article_date_original", "datepublished", "date_published",
            "publish-date", "publish_date", "publishdate", "published_time", "published-date", "published_date",
            "publication_date", "publication-date", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued",
            "dcterms.issued", "dcterms.created", "dc.date.created", "cxenseparse:recs:publishtime", "originalpublicationdate",
            "article.created", "rnews:datepublished", "bt:pubdate", "og:pubdate", "date.available", "citation_publication_date",
            "citation_date", "article:published", "vr:published_time", "nv:date");
    private static final Set<String> META_GENERIC = Set.of("date", "dc.date", "dcterms.date", "dc:date", "created",
            "content_date", "displaydate", "timestamp");
    private static final Set<String> META_MODIFIED = Set.of("article:modified_time", "og:updated_time", "og:modified_time",
            "datemodified", "date_modified", "last-modified", "lastmod", "dcterms.modified", "dc.date.modified",
            "article.updated", "modified", "revised", "article:modified", "updated_time", "parsely-updated");
    /** Furniture whose dates belong to other content: comments, teasers, embedded posts. */
    private static final Pattern FURNITURE = Pattern.compile("(?:^|[^a-z])(?:comments?|related\\w*|recirc\\w*|recommend\\w*"
            + "|teaser|promo|more-?stories|most-?\\w+|trending|card|cards|list-?item|also-?read|read-?more|next-?article"
            + "|previous-?article|tweet|embed)(?:[^a-z]|$)");
    /** Layout regions: a date there is foreign unless it sits by the headline (some templates put it in a "footer"). */
    private static final Pattern LAYOUT = Pattern.compile("(?:^|[^a-z])(?:sidebar|widget|footer|nav|menu|rail|river)(?:[^a-z]|$)");
    private static final Pattern DATE_HOLDER = Pattern.compile("(?:^|[^a-z])(?:date|dates|time|timestamp|publish\\w*|posted"
            + "|dateline|byline|bylines|meta|info|article-?info|details|datum|fecha|data|zeit)(?:[^a-z]|$)");
    private static final Pattern UPDATE_HINT = Pattern.compile("(?:^|[^a-z])(?:updated?|modified|revised|last-?mod\\w*|edited)"
            + "(?:[^a-z]|$)");
    private static final Pattern PUBLISH_HINT = Pattern.compile("(?:^|[^a-z])(?:published|pubdate|publish\\w*|posted|created"
            + "|first-?published|original)(?:[^a-z]|$)");

    private static final Pattern URL_YMD = Pattern.compile("(?<![\\d])((?:19|20)\\d{2})[/_.-]([01]?\\d)[/_.-]([0-3]?\\d)(?=[/_.-]|$|\\D)");
    private static final Pattern URL_COMPACT = Pattern.compile("(?<![\\d])((?:19|20)\\d{2})(0[1-9]|1[0-2])([0-2]\\d|3[01])(?![\\d])");
    private static final Pattern URL_MONTH_NAME = Pattern.compile("(?i)/((?:19|20)\\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
            + "|nov|dec)[a-z]*/([0-3]?\\d)/");
    private static final Map<String, Integer> URL_MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    /** Kept for callers of the first version: the publication date only. */
    public Optional<Found> extract(Document page, String pageUrl, String text) {
        return Optional.ofNullable(find(page, pageUrl, text, null).published());
    }

    /**
     * The publication and modification dates of a page. {@code mainText} is the extracted article text (its first
     * lines may hold a dateline); {@code reference} is when the page was fetched, the only base for "3 hours ago".
     */
    public Dates find(Document page, String pageUrl, String mainText, Instant reference) {
        List<Candidate> candidates = candidates(page, pageUrl, mainText, reference);
        return choose(candidates);
    }

    static Dates choose(List<Candidate> candidates) {
        Candidate published = null;
        int bestTier = -1;
        for (Candidate c : candidates) {
            if (c.kind() == Kind.PUBLISHED) {
                bestTier = Math.max(bestTier, tier(c.strength()));
            }
        }
        if (bestTier >= 0) {
            final int tier = bestTier;
            List<Candidate> top = candidates.stream().filter(c -> c.kind() == Kind.PUBLISHED && tier(c.strength()) == tier)
                    .sorted(Comparator.comparing(Candidate::instant)).toList();
            Candidate earliest = top.get(0);
            published = earliest;
            if (!earliest.hasTime()) {
                // the same publication written with a time of day is more precise than a bare date
                for (Candidate c : top) {
                    if (c.hasTime() && Duration.between(earliest.instant(), c.instant()).abs().toHours() < 36
                            && sameDayAnywhere(earliest.instant(), c.instant())) {
                        published = c;
                        break;
                    }
                }
            }
        }
        Candidate modified = candidates.stream().filter(c -> c.kind() == Kind.MODIFIED)
                .max(Comparator.comparingInt(Candidate::strength).thenComparing(Candidate::instant)).orElse(null);
        if (published != null && modified != null && modified.instant().isBefore(published.instant())) {
            modified = null;
        }
        return new Dates(published == null ? null : new Found(published.instant(), published.source()),
                modified == null ? null : new Found(modified.instant(), modified.source()));
    }

    private static boolean sameDayAnywhere(Instant dateOnly, Instant timed) {
        // a bare date is 00:00 UTC of the publisher's day; a timed value of that day lies within -12h..+36h of it
        Duration d = Duration.between(dateOnly, timed);
        return !d.isNegative() ? d.toHours() < 36 : d.abs().toHours() <= 14;
    }

    private static int tier(int strength) {
        return strength >= STRUCTURED ? 3 : strength >= PAGE_TEXT ? 2 : strength >= 4 ? 1 : 0;
    }

    // ------------------------------------------------------------------ collecting signals

    /** Document order of a page's elements, built once per page: "near the headline" is asked many times. */
    static final class PageIndex {
        final List<Element> order;
        final java.util.IdentityHashMap<Element, Integer> position = new java.util.IdentityHashMap<>();
        final Element h1;
        final int h1Position;

        PageIndex(Document page) {
            order = page.getAllElements();
            for (int i = 0; i < order.size(); i++) {
                position.put(order.get(i), i);
            }
            h1 = page.selectFirst("h1");
            h1Position = h1 == null ? -1 : position.get(h1);
        }

        int of(Element e) {
            return position.getOrDefault(e, -1);
        }
    }

    static List<Candidate> candidates(Document page, String pageUrl, String mainText, Instant reference) {
        List<Candidate> out = new ArrayList<>();
        PageIndex index = new PageIndex(page);
        boolean monthFirst = monthFirst(page, pageUrl);
        jsonLd(page, pageUrl, out);
        meta(page, out);
        itemprops(page, index, out);
        timeElements(page, index, out);
        headerText(page, index, reference, monthFirst, out);
        url(pageUrl, out);
        Element canonical = page.selectFirst("link[rel=canonical][href]");
        if (canonical != null) {
            url(canonical.attr("abs:href"), out);
        }
        if (mainText != null && !mainText.isBlank()) {
            List<String> head = new ArrayList<>();
            for (String line : mainText.split("\\n+")) {
                if (head.size() >= 4) {
                    break;
                }
                head.add(line.strip());
            }
            TextDateFinder.best(head, reference, monthFirst, true)
                    .ifPresent(h -> out.add(new Candidate(h.instant(), Kind.PUBLISHED, 3, "text", h.hasTime())));
        }
        return out;
    }

    private static void add(List<Candidate> out, String value, Kind kind, int strength, String source) {
        if (value == null || value.isBlank()) {
            return;
        }
        Optional<Instant> parsed = DateTexts.parseMachine(value);
        parsed.ifPresent(i -> out.add(new Candidate(i, kind, strength, source, hasTime(value))));
    }

    private static boolean hasTime(String value) {
        return value.matches("(?s).*\\d{1,2}:\\d{2}.*") || value.matches("\\d{10,13}");
    }

    private static void jsonLd(Document page, String pageUrl, List<Candidate> out) {
        List<JsonNode> objects = JsonLd.objects(page);
        List<JsonNode> articles = objects.stream().filter(JsonLd::isArticle).toList();
        JsonNode main = null;
        if (articles.size() == 1) {
            main = articles.get(0);
        } else if (articles.size() > 1) {
            String canonical = canonicalOf(page, pageUrl);
            String title = page.title();
            for (JsonNode a : articles) {
                String url = firstNonNull(JsonLd.first(a, "url"), JsonLd.first(a, "@id"), JsonLd.text(a, "mainEntityOfPage"));
                if (canonical != null && url != null && sameUrl(url, canonical)) {
                    main = a;
                    break;
                }
            }
            if (main == null && title != null) {
                for (JsonNode a : articles) {
                    String headline = JsonLd.text(a, "headline");
                    if (headline != null && title.toLowerCase(Locale.ROOT).contains(headline.toLowerCase(Locale.ROOT))) {
                        main = a;
                        break;
                    }
                }
            }
            if (main == null) {
                main = articles.get(0);
            }
        }
        if (main != null) {
            add(out, JsonLd.first(main, "datePublished"), Kind.PUBLISHED, 10, "json-ld");
            add(out, JsonLd.first(main, "dateCreated"), Kind.PUBLISHED, 8, "json-ld");
            if (JsonLd.first(main, "datePublished") == null) {
                add(out, JsonLd.first(main, "coverageStartTime"), Kind.PUBLISHED, 9, "json-ld");
            }
            add(out, JsonLd.first(main, "dateModified"), Kind.MODIFIED, 10, "json-ld");
            return;
        }
        // no article object: a WebPage's own dates are a weaker statement about the article on it
        for (JsonNode o : objects) {
            if (JsonLd.hasType(o, "WebPage") || JsonLd.hasType(o, "ItemPage")) {
                add(out, JsonLd.first(o, "datePublished"), Kind.PUBLISHED, 7, "json-ld");
                add(out, JsonLd.first(o, "dateModified"), Kind.MODIFIED, 7, "json-ld");
            }
        }
    }

    private static void meta(Document page, List<Candidate> out) {
        for (Element m : page.select("meta[content]")) {
            String key = firstNonEmpty(m.attr("property"), m.attr("name"), m.attr("itemprop"), m.attr("http-equiv"))
                    .toLowerCase(Locale.ROOT).strip();
            if (key.isEmpty()) {
                continue;
            }
            String value = m.attr("content");
            if (META_PUBLISHED.contains(key)) {
                add(out, value, Kind.PUBLISHED, 9, "meta");
            } else if (META_MODIFIED.contains(key)) {
                add(out, value, Kind.MODIFIED, 9, "meta");
            } else if (META_GENERIC.contains(key)) {
                add(out, value, Kind.PUBLISHED, 6, "meta");
            } else if (key.equals("parsely-page") || key.equals("parsely-metadata")) {
                Matcher pub = Pattern.compile("\"pub_date\"\\s*:\\s*\"([^\"]+)\"").matcher(value);
                if (pub.find()) {
                    add(out, pub.group(1), Kind.PUBLISHED, 9, "meta");
                }
            }
        }
    }

    private static void itemprops(Document page, PageIndex index, List<Candidate> out) {
        for (Element e : page.select("[itemprop~=(?i)^(datePublished|dateCreated|dateModified)$]:not(meta)")) {
            if (inFurniture(e, index)) {
                continue;
            }
            String value = firstNonEmpty(e.attr("content"), e.attr("datetime"), e.text());
            boolean modified = e.attr("itemprop").equalsIgnoreCase("dateModified");
            add(out, value, modified ? Kind.MODIFIED : Kind.PUBLISHED, 9, "itemprop");
        }
    }

    private static void timeElements(Document page, PageIndex index, List<Candidate> out) {
        boolean firstPlain = true;
        for (Element t : page.select("time")) {
            if (inFurniture(t, index)) {
                continue;
            }
            String value = firstNonEmpty(t.attr("datetime"), t.text());
            String hints = (ArticleBodyExtractor.attrs(t) + " " + (t.hasAttr("pubdate") ? "pubdate" : "")).strip();
            String before = precedingLabel(t);
            Kind kind;
            boolean labelled = true;
            if (UPDATE_HINT.matcher(hints).find() || TextDateFinder.mentionsUpdate(before)) {
                kind = Kind.MODIFIED;
            } else if (PUBLISH_HINT.matcher(hints).find() || TextDateFinder.mentionsPublication(before)) {
                kind = Kind.PUBLISHED;
            } else {
                kind = Kind.PUBLISHED;
                labelled = false;
            }
            if (!labelled) {
                // an unlabelled time far from the headline dates something else (a teaser, an entry, a comment)
                if (!firstPlain || !nearHeadline(t, index)) {
                    continue;
                }
                firstPlain = false;
            }
            add(out, value, kind, labelled ? 7 : 6, "time");
        }
    }

    private static boolean nearHeadline(Element e, PageIndex index) {
        if (index.h1 == null) {
            return true;
        }
        Element article = index.h1.closest("article");
        if (article != null && e.closest("article") == article) {
            return true;
        }
        int i = index.of(e);
        return i >= 0 && Math.abs(i - index.h1Position) <= 40;
    }

    /** The words printed just before an element in its parent ("Updated", "Published on"). */
    private static String precedingLabel(Element e) {
        StringBuilder sb = new StringBuilder();
        Element parent = e.parent();
        if (parent == null) {
            return "";
        }
        for (org.jsoup.nodes.Node n : parent.childNodes()) {
            if (n == e) {
                break;
            }
            if (n instanceof org.jsoup.nodes.TextNode tn) {
                sb.append(tn.text());
            } else if (n instanceof Element el) {
                sb.append(' ').append(el.text());
            }
        }
        String s = sb.toString().strip();
        if (s.isEmpty() && parent.parent() != null) {
            Element prev = e.previousElementSibling();
            s = prev == null ? "" : prev.text();
        }
        return s.length() > 60 ? s.substring(s.length() - 60) : s;
    }

    private static final String DATE_HOLDER_SELECTOR = "[class~=(?i)(date|time|publish|posted|dateline|byline|meta|info"
            + "|details|datum|fecha|data|zeit)], [id~=(?i)(date|time|publish|posted|dateline|byline|meta|info|datum|fecha)]";

    /** Date lines near the headline: byline blocks, "Published ..." lines, date spans. */
    private static void headerText(Document page, PageIndex index, Instant reference, boolean monthFirst,
            List<Candidate> out) {
        List<Element> holders = new ArrayList<>();
        int scanned = 0;
        for (Element e : page.select(DATE_HOLDER_SELECTOR)) {
            if (holders.size() > 40 || ++scanned > 200) {
                break; // bylines come early; hundreds of dated comments further down say nothing more
            }
            if (!DATE_HOLDER.matcher(ArticleBodyExtractor.attrs(e)).find() || inFurniture(e, index)) {
                continue;
            }
            String text = e.text().strip();
            if (!text.isEmpty() && text.length() <= 200) {
                holders.add(e);
            }
        }
        // the short lines right under the headline
        if (index.h1 != null) {
            int taken = 0;
            for (int i = index.h1Position + 1; i < index.order.size() && i <= index.h1Position + 300 && taken < 12; i++) {
                Element e = index.order.get(i);
                if (!e.children().isEmpty() && e.ownText().isBlank() || e.tagName().equals("script")
                        || e.tagName().equals("style") || inFurniture(e, index)) {
                    continue;
                }
                String text = e.text().strip();
                if (text.isEmpty()) {
                    continue;
                }
                taken++;
                if (text.length() <= 140) {
                    holders.add(e);
                }
            }
        }
        for (Element e : holders) {
            String label = precedingLabel(e);
            for (TextDateFinder.Hit h : TextDateFinder.hits(e.text().strip(), reference, monthFirst)) {
                TextDateFinder.Label l = h.label();
                if (l == TextDateFinder.Label.PLAIN) {
                    // "<span>Updated</span> <time>April 18</time>": the label printed just before the element
                    l = TextDateFinder.mentionsUpdate(label) ? TextDateFinder.Label.UPDATED
                            : TextDateFinder.mentionsPublication(label) ? TextDateFinder.Label.PUBLISHED : l;
                }
                Kind kind = l == TextDateFinder.Label.UPDATED ? Kind.MODIFIED : Kind.PUBLISHED;
                int strength = l == TextDateFinder.Label.PUBLISHED ? 7 : 5;
                out.add(new Candidate(h.instant(), kind, strength, "byline", h.hasTime()));
            }
        }
    }

    static void url(String pageUrl, List<Candidate> out) {
        if (pageUrl == null || pageUrl.isBlank()) {
            return;
        }
        String path = pageUrl.replaceFirst("^[a-zA-Z]+://[^/]+", "").replaceFirst("[?#].*$", "");
        Integer year = null;
        Integer month = null;
        Integer day = null;
        Matcher m = URL_YMD.matcher(path);
        if (m.find()) {
            year = Integer.valueOf(m.group(1));
            month = Integer.valueOf(m.group(2));
            day = Integer.valueOf(m.group(3));
        } else if ((m = URL_MONTH_NAME.matcher(path)).find()) {
            year = Integer.valueOf(m.group(1));
            month = URL_MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
            day = Integer.valueOf(m.group(3));
        } else if ((m = URL_COMPACT.matcher(path)).find()) {
            year = Integer.valueOf(m.group(1));
            month = Integer.valueOf(m.group(2));
            day = Integer.valueOf(m.group(3));
        }
        if (year == null) {
            return;
        }
        try {
            Instant i = LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
            DateTexts.plausible(i).ifPresent(v -> out.add(new Candidate(v, Kind.PUBLISHED, 4, "url", false)));
        } catch (RuntimeException ignored) {
            // digits that only look like a date
        }
    }

    private static boolean inFurniture(Element e, PageIndex index) {
        Element item = e.closest("li");
        if (item != null && item.selectFirst("a[href]") != null) {
            return true; // a dated entry in a list of links: a teaser for another story
        }
        boolean layout = false;
        for (Element p = e; p != null; p = p.parent()) {
            String tag = p.tagName();
            if (tag.equals("blockquote")) {
                return true;
            }
            layout |= tag.equals("aside") || tag.equals("footer") || tag.equals("nav");
            String a = ArticleBodyExtractor.attrs(p);
            if (!a.isEmpty()) {
                if (FURNITURE.matcher(a).find()) {
                    return true;
                }
                layout |= LAYOUT.matcher(a).find();
            }
        }
        return layout && !byHeadline(e, index);
    }

    /** Inside the same article element as the h1, or close after it in document order. */
    private static boolean byHeadline(Element e, PageIndex index) {
        if (index.h1 == null) {
            return false;
        }
        String articleSelector = "article, [itemtype~=(?i)schema.org/(News)?Article]";
        Element article = index.h1.closest(articleSelector);
        if (article != null && e.closest(articleSelector) == article) {
            return true;
        }
        int i = index.of(e);
        return i > index.h1Position && i - index.h1Position <= 25;
    }

    /** 04/05/2023 is April 5 on an American page and 4 May elsewhere. */
    static boolean monthFirst(Document page, String pageUrl) {
        Element html = page.selectFirst("html");
        String lang = html == null ? "" : html.attr("lang").toLowerCase(Locale.ROOT);
        if (lang.isEmpty()) {
            Element ogLocale = page.selectFirst("meta[property=og:locale]");
            lang = ogLocale == null ? "" : ogLocale.attr("content").toLowerCase(Locale.ROOT).replace('_', '-');
        }
        String host = pageUrl == null ? "" : pageUrl.replaceFirst("^[a-zA-Z]+://", "").replaceFirst("[/:?#].*$", "");
        if (host.matches(".*\\.(uk|au|nz|ie|in|za|sg|ca|eu|de|fr|es|it|nl|ru|pt|br|at|ch)$")) {
            return false;
        }
        return lang.isEmpty() || lang.equals("en") || lang.startsWith("en-us");
    }

    static String canonicalOf(Document page, String pageUrl) {
        Element link = page.selectFirst("link[rel=canonical][href]");
        if (link != null) {
            return link.attr("abs:href").isEmpty() ? link.attr("href") : link.attr("abs:href");
        }
        Element og = page.selectFirst("meta[property=og:url][content]");
        return og != null ? og.attr("content") : pageUrl;
    }

    private static boolean sameUrl(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String u) {
        return u.toLowerCase(Locale.ROOT).replaceFirst("^https?://(www\\.)?", "").replaceFirst("[?#].*$", "")
                .replaceFirst("/+$", "");
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
