package io.newslens.ingest.extraction;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Finds an article page's main text with jsoup. Three steps:
 * <ol>
 * <li>prune what is never article text: scripts and other non-text elements, hidden elements, navigation
 * landmarks, and elements whose class, id or test hooks name page furniture (share bars, related stories, ads,
 * newsletters, cookie banners, comments, bylines, captions) unless they hold most of the page's prose;</li>
 * <li>score every remaining paragraph's ancestors the readability way (length, commas, class hints, link density)
 * and take the best container, with the siblings that carry prose of their own;</li>
 * <li>walk the container in order, emitting paragraphs, headings, list items and quotes, dropping link lists,
 * bylines and date lines, and let {@link TextCleaner#cleanBlocks} apply the line rules.</li>
 * </ol>
 * Mutates the document it is given: pass a copy.
 */
final class ArticleBodyExtractor {

    record Body(List<TextCleaner.Block> blocks, List<String> photoCredits, List<String> removed) {
        String text() {
            StringBuilder sb = new StringBuilder();
            for (TextCleaner.Block b : blocks) {
                if (!sb.isEmpty()) {
                    sb.append("\n\n");
                }
                sb.append(b.text());
            }
            return sb.toString();
        }
    }

    private static final String NON_TEXT = "script,style,noscript,template,iframe,object,embed,svg,canvas,math,link,meta,"
            + "input,button,select,textarea,option,dialog,nav,aside,footer,video,audio,source,track,map,head,amp-ad,"
            + "amp-embed,amp-analytics,amp-social-share,amp-sidebar,amp-consent";
    private static final String HIDDEN = "[hidden],[aria-hidden=true],[style~=(?i)display\\s*:\\s*none],"
            + "[style~=(?i)visibility\\s*:\\s*hidden],[role~=(?i)^(navigation|banner|contentinfo|complementary|search|dialog"
            + "|alertdialog|menu|menubar|toolbar|tablist)$]";

    /** Furniture that is never the article, however much text it holds (comments can outweigh a story). */
    private static final Pattern ALWAYS_FURNITURE = Pattern.compile("(?:^|[^a-z])(?:comments?|disqus|respond|reply|replies"
            + "|discussion|share|shares|sharing|sharebar|share-?tools|sharedaddy|addthis|shareaholic|social|socials"
            + "|related|relatedposts|recirc|recirculation|recommend|recommended|recommendations|more-?stories|most-?read"
            + "|most-?popular|most-?viewed|trending|newsletter|newsletters|subscribe|subscription|signup|sign-?up|paywall"
            + "|promo|promos|promotion|outbrain|taboola|ob-widget|cookie|cookies|consent|gdpr|onetrust|cmp|ad|ads|adslot"
            + "|ad-?slot|adunit|ad-?unit|ad-?container|ad-?wrapper|advert|adverts|advertisement|advertising|dfp|gpt|sponsor"
            + "|sponsored|commercial|read-?more|readmore|see-?also|also-?read|twitter-tweet|instagram-media|tiktok-embed"
            + "|jump-?links|key-?events|rating|reactions|email-?signup|print-?only|sr-only|screen-?reader|visually-?hidden"
            + "|skip-?link|modal|popup|overlay|lightbox|teaser-?list|link-?list|breaking-?bar|ticker)(?:[^a-z]|$)");
    /** Layout furniture that a badly named wrapper around the article may also carry. */
    private static final Pattern LAYOUT_FURNITURE = Pattern.compile("(?:^|[^a-z])(?:sidebar|side-?bar|widget|widgets"
            + "|breadcrumb|breadcrumbs|pagination|pager|nav|navbar|navigation|menu|masthead|site-?header|site-?footer"
            + "|footer|toolbar|tags|tag-?list|taglist|topics|keywords|author-?bio|author-?box|about-?the-?author|byline"
            + "|bylines|dateline|timestamp|published|pubdate|date|time|meta|post-?meta|entry-?meta|article-?meta|caption"
            + "|credit|credits|figcaption|video-?player|player|podcast|embed|gallery|slideshow|toc|table-?of-?contents"
            + "|banner|header|hero|headline|title|kicker|label|eyebrow|category|section-?name|print|tools|actions)(?:[^a-z]|$)");
    private static final Pattern POSITIVE = Pattern.compile("(?:^|[^a-z])(?:article|body|content|entry|main|page|post|text"
            + "|blog|story|paragraph|prose|rich-?text|copy)(?:[^a-z]|$)");
    private static final Pattern NEGATIVE = Pattern.compile("(?:^|[^a-z])(?:comment|meta|footer|footnote|sidebar|widget"
            + "|related|share|social|promo|sponsor|ad|ads|nav|menu|masthead|byline|caption|credit|tags)(?:[^a-z]|$)");
    private static final Pattern BYLINE = Pattern.compile("^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|di|[Dd]oor|av|[Аа]втор|[Тт]екст)"
            + "[:\\s]+\\p{Lu}.{1,100}$");
    private static final Pattern DATE_LABEL_WORDS = Pattern.compile("(?iu)(?<![\\p{L}])(?:published|updated|posted|last|first|on|at"
            + "|am|um|le|el|il|de|à|a|las|alle|om|в|veröffentlicht|aktualisiert|zuletzt|publié|publiée|mis|mise|jour|publicado"
            + "|actualizado|pubblicato|aggiornato|atualizado|gepubliceerd|bijgewerkt|опубликовано|обновлено|uhr|date|time"
            + "|datum|stand|created|modified|edited|heure|hora|ora|ч)(?![\\p{L}])");

    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "header", "ul", "ol",
            "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody", "thead", "tr", "td", "th",
            "dl", "dt", "dd", "figure", "figcaption", "hr", "address", "details", "summary", "form", "fieldset", "center",
            "body", "html");

    /** Elements that are text themselves: a "sub-title" class on an h2 names its style, not page furniture. */
    private static final Set<String> PROSE_TAGS = Set.of("p", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre");
    /** Sibling blocks whose text is this much link are teaser lists, not more of the story. */
    private static final double TEASER_LINK_DENSITY = 0.2;
    private static final Pattern CALL_TO_ACTION_LINK = Pattern.compile("(?iu)^(?:sign up|sign in|subscribe|register|join|"
            + "learn more|download|get the app|try it|abonnieren|anmelden|s'abonner|s'inscrire|suscríbete|suscribirse|iscriviti"
            + "|abbonati|assine|inscreva-se|aanmelden|abonneren|подписаться|подпишитесь)\\b.{0,20}$");

    private ArticleBodyExtractor() {
    }

    static Body extract(Document doc, String title) {
        List<String> credits = harvestCredits(doc);
        String dek = dek(doc);
        prune(doc);
        Element body = doc.body();
        if (body == null) {
            return new Body(List.of(), credits, List.of());
        }
        List<Element> containers = mainContainers(body);
        List<TextCleaner.Block> blocks = new ArrayList<>();
        for (Element c : containers) {
            emit(c, blocks);
        }
        if (dek != null && blocks.stream().noneMatch(b -> b.text().contains(dek) || dek.contains(b.text()))) {
            blocks.add(0, new TextCleaner.Block(dek, false));
        }
        List<TextCleaner.Block> filtered = new ArrayList<>();
        String normalizedTitle = title == null ? null : normalize(title);
        for (TextCleaner.Block b : blocks) {
            String t = b.text();
            if (t.isBlank()) {
                continue;
            }
            if (normalizedTitle != null && normalize(t).equals(normalizedTitle)) {
                continue;
            }
            if (isBylineOrDateLine(t)) {
                continue;
            }
            filtered.add(b);
        }
        TextCleaner.CleanedBlocks cleaned = new TextCleaner().cleanBlocks(filtered);
        List<String> allCredits = new ArrayList<>(credits);
        for (String c : cleaned.photoCredits()) {
            if (!allCredits.contains(c)) {
                allCredits.add(c);
            }
        }
        return new Body(cleaned.kept(), allCredits, cleaned.removed());
    }

    // ------------------------------------------------------------------ credits

    private static List<String> harvestCredits(Document doc) {
        Set<String> out = new LinkedHashSet<>();
        for (Element e : doc.select("figcaption, [class~=(?i)(caption|credit)], [itemprop=creditText],"
                + " [itemprop=copyrightHolder], [itemprop=caption]")) {
            String cls = attrs(e);
            String text = e.text().strip();
            if (text.isEmpty() || text.length() > 600) {
                continue;
            }
            boolean creditElement = cls.matches("(?s).*(?:^|[^a-z])(?:credit|credits|copyright|photographer)(?:[^a-z]|$).*")
                    || "creditText".equals(e.attr("itemprop")) || "copyrightHolder".equals(e.attr("itemprop"));
            if (creditElement && text.length() <= 160) {
                out.add(text);
            } else if (LineRules.isPhotoCredit(text)) {
                out.add(text);
            }
        }
        // a credit printed inside its caption also appears alone: keep the longer, more informative line once
        List<String> list = new ArrayList<>(out);
        list.removeIf(s -> list.stream().anyMatch(o -> o != s && o.length() > s.length() && o.contains(s)));
        return list;
    }

    // ------------------------------------------------------------------ pruning

    private static void prune(Document doc) {
        doc.select(NON_TEXT).remove();
        doc.select(HIDDEN).remove();
        for (Element header : doc.select("header")) {
            if (header.closest("article, main, [itemprop=articleBody]") == null && header.selectFirst("h1") == null) {
                header.remove();
            }
        }
        Element body = doc.body();
        if (body == null) {
            return;
        }
        int total = paragraphText(body);
        // walk top-down so that a removed subtree is not inspected again
        List<Element> toRemove = new ArrayList<>();
        collectFurniture(body, total, toRemove);
        for (Element e : toRemove) {
            e.remove();
        }
    }

    private static void collectFurniture(Element e, int totalProse, List<Element> out) {
        for (Element child : e.children()) {
            String a = attrs(child);
            if (!a.isEmpty() && isFurniture(child, a, totalProse)) {
                out.add(child);
                continue;
            }
            collectFurniture(child, totalProse, out);
        }
    }

    private static boolean isFurniture(Element e, String a, int totalProse) {
        if ("articleBody".equalsIgnoreCase(e.attr("itemprop")) || e.tagName().equals("body")) {
            return false;
        }
        boolean always = ALWAYS_FURNITURE.matcher(a).find();
        boolean layout = !always && LAYOUT_FURNITURE.matcher(a).find() && !PROSE_TAGS.contains(e.tagName());
        if (!always && !layout) {
            return false;
        }
        if (e.selectFirst("[itemprop=articleBody]") != null) {
            return false;
        }
        int prose = paragraphText(e);
        if (prose == 0) {
            return true;
        }
        if (always) {
            boolean discussion = a.matches("(?s).*(?:^|[^a-z])(?:comments?|disqus|respond|discussion)(?:[^a-z]|$).*");
            // a wrapper named after a share bar or ad slot that still holds most of the prose is the article
            return discussion || prose < totalProse * 0.6;
        }
        if (e.selectFirst("h1") != null && prose >= totalProse * 0.2) {
            return false; // an article header/"headline" wrapper that also holds the text
        }
        Element heading = e.selectFirst("h2, h3, h4, h5, h6");
        if (heading != null && heading.text().strip().equals(e.text().strip())) {
            return false; // a wrapper around nothing but a subheading ("frame-type-header")
        }
        return prose < totalProse * 0.4;
    }

    /** class, id and test hooks, lower-cased, where page furniture announces itself. */
    static String attrs(Element e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.className()).append(' ').append(e.id());
        for (String name : new String[] {"data-testid", "data-component", "data-module", "data-type", "data-role",
            "aria-label", "itemprop"}) {
            String v = e.attr(name);
            if (!v.isEmpty()) {
                sb.append(' ').append(v);
            }
        }
        return sb.toString().strip().toLowerCase(Locale.ROOT);
    }

    private static int paragraphText(Element root) {
        int n = 0;
        for (Element p : root.select("p")) {
            n += p.text().length();
        }
        if (n == 0) {
            // pages that write paragraphs as bare divs or <br>-separated text
            for (TextNode t : textNodes(root)) {
                String s = t.text().strip();
                if (s.length() > 40) {
                    n += s.length();
                }
            }
        }
        return n;
    }

    private static List<TextNode> textNodes(Element root) {
        List<TextNode> out = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                out.add(t);
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ choosing the container

    private static List<Element> mainContainers(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element e : body.getAllElements()) {
            String tag = e.tagName();
            String text;
            if (tag.equals("p") || tag.equals("pre") || tag.equals("td") || (tag.equals("blockquote") && e.selectFirst("p") == null)) {
                text = e.text();
            } else if (!BLOCK_TAGS.contains(tag) || tag.equals("li") || tag.startsWith("h")) {
                continue;
            } else {
                text = ownInlineText(e);
            }
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
            Element ancestor = tag.equals("p") || tag.equals("pre") || tag.equals("td") || tag.equals("blockquote")
                    ? e.parent() : e;
            for (int level = 0; ancestor != null && level < 4; level++) {
                if (!scores.containsKey(ancestor)) {
                    scores.put(ancestor, initialScore(ancestor));
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.put(ancestor, scores.get(ancestor) + score / divider);
                ancestor = ancestor.parent();
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double s = entry.getValue() * (1 - linkDensity(entry.getKey()));
            entry.setValue(s);
            if (s > bestScore) {
                bestScore = s;
                best = entry.getKey();
            }
        }
        if (best == null) {
            return List.of(body);
        }
        Element marked = body.selectFirst("[itemprop=articleBody]");
        if (marked != null && paragraphText(marked) >= paragraphText(best) * 0.7) {
            best = marked;
            bestScore = Math.max(bestScore, scores.getOrDefault(marked, bestScore));
        }
        // an ancestor whose other children hold prose of their own is the real container: paragraphs split into
        // blocks, live-blog entries, story columns
        Element inner = best;
        Element ancestor = best.parent();
        int own = paragraphText(best);
        for (int level = 0; level < 3 && ancestor != null; level++) {
            if (ancestor.tagName().equals("body") || ancestor.tagName().equals("html")) {
                break;
            }
            int prosySiblings = 0;
            for (Element child : ancestor.children()) {
                if (child != inner && paragraphText(child) >= own * 0.3 && linkDensity(child) < TEASER_LINK_DENSITY) {
                    prosySiblings++;
                }
            }
            // the direct parent joins on one prose sibling; higher up only a repeated structure (entries) counts
            if (prosySiblings >= (level == 0 ? 1 : 2) && linkDensity(ancestor) < 0.35) {
                best = ancestor;
                bestScore = Math.max(bestScore, scores.getOrDefault(ancestor, bestScore));
            }
            inner = ancestor;
            ancestor = ancestor.parent();
        }
        List<Element> result = new ArrayList<>();
        Element container = best.parent();
        if (container == null || best.tagName().equals("body")) {
            return List.of(best);
        }
        double threshold = Math.max(10, bestScore * 0.2);
        for (Element sibling : container.children()) {
            if (sibling == best) {
                result.add(sibling);
                continue;
            }
            Double s = scores.get(sibling);
            boolean append = s != null && s >= threshold && linkDensity(sibling) < 0.3;
            if (!append && sibling.tagName().equals("p")) {
                String t = sibling.text();
                double ld = linkDensity(sibling);
                append = (t.length() > 80 && ld < 0.25) || (t.length() > 0 && t.length() <= 80 && ld == 0 && t.matches(".*\\.\\s*$"));
            }
            if (append) {
                result.add(sibling);
            }
        }
        return result;
    }

    private static double initialScore(Element e) {
        double s = 0;
        String tag = e.tagName();
        if (tag.equals("div") || tag.equals("article") || tag.equals("section") || tag.equals("main")) {
            s += tag.equals("article") ? 8 : 5;
        } else if (tag.equals("pre") || tag.equals("td") || tag.equals("blockquote")) {
            s += 3;
        } else if (tag.equals("form") || tag.equals("ul") || tag.equals("ol") || tag.equals("dl")) {
            s -= 3;
        }
        String a = attrs(e);
        if (!a.isEmpty()) {
            if (POSITIVE.matcher(a).find()) {
                s += 25;
            }
            if (NEGATIVE.matcher(a).find()) {
                s -= 25;
            }
        }
        return s;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                n++;
            }
        }
        return n;
    }

    static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) {
            return 0;
        }
        int linked = 0;
        for (Element a : e.select("a")) {
            linked += a.text().length();
        }
        return Math.min(1.0, (double) linked / total);
    }

    /** Text a block element holds directly (text nodes and inline children), not through child blocks. */
    private static String ownInlineText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                sb.append(t.text());
            } else if (n instanceof Element c && !BLOCK_TAGS.contains(c.tagName())) {
                sb.append(c.text());
            }
        }
        return sb.toString().strip();
    }

    // ------------------------------------------------------------------ the standfirst

    private static final Pattern DEK = Pattern.compile("(?:^|[^a-z])(?:dek|standfirst|stand-?first|subtitle|sub-?title"
            + "|subheadline|sub-?headline|summary|lede|lead|intro|teaser|description|excerpt|deck|strapline|abstract|chapo"
            + "|chapeau|bajada|entradilla|sommario|occhiello|lid|vorspann|anriss)(?:[^a-z]|$)");

    /**
     * The standfirst under the headline, read before pruning because pages keep it in the header block with the
     * headline and byline: the first prose-like element after the h1 (a class naming a summary, or a plain paragraph
     * or h2) that is no byline, date line, credit or chrome. The caller drops it when the body already holds it.
     */
    private static String dek(Document doc) {
        Element h1 = null;
        for (Element e : doc.select("h1")) {
            if (e.closest("nav, footer, aside") == null && !e.text().isBlank()) {
                h1 = e;
                break;
            }
        }
        if (h1 == null) {
            return null;
        }
        boolean after = false;
        int seen = 0;
        for (Element e : doc.body() == null ? new Elements() : doc.body().getAllElements()) {
            if (e == h1) {
                after = true;
                continue;
            }
            if (!after || isAncestor(h1, e)) {
                continue;
            }
            if (++seen > 30) {
                return null;
            }
            String tag = e.tagName();
            String a = attrs(e);
            boolean classed = DEK.matcher(a).find();
            boolean candidate = tag.equals("p") || tag.equals("h2")
                    || classed && !tag.equals("body") && e.select("p,div,h2,ul").size() <= 1;
            if (!candidate || e.closest("nav, footer, aside, figure, figcaption, blockquote, form") != null) {
                continue;
            }
            if (ALWAYS_FURNITURE.matcher(a).find() || e.parents().stream().anyMatch(
                    p -> ALWAYS_FURNITURE.matcher(attrs(p)).find())) {
                continue;
            }
            String text = e.text().strip();
            int words = LineRules.wordCount(text);
            if (words < 6 || words > 80 || linkDensity(e) > 0.2 || isBylineOrDateLine(text)
                    || LineRules.classify(text) != LineRules.Verdict.KEEP) {
                continue;
            }
            return text;
        }
        return null;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ emitting text

    private static void emit(Element e, List<TextCleaner.Block> out) {
        String tag = e.tagName();
        if (tag.equals("a") || e.parent() != null && e.closest("a") != null && !e.closest("a").equals(e)) {
            return; // a block inside a link is a card pointing at another page
        }
        switch (tag) {
            case "h1", "figcaption", "figure", "img", "picture", "hr", "br" -> {
                if (tag.equals("figure")) {
                    // a figure may wrap a pull quote or a chart's text; only its non-caption prose counts
                    for (Element child : e.children()) {
                        if (!child.tagName().equals("figcaption")) {
                            emit(child, out);
                        }
                    }
                }
                return;
            }
            case "h2", "h3", "h4", "h5", "h6" -> {
                String t = e.text().strip();
                if (!t.isEmpty() && linkDensity(e) < 0.5) {
                    out.add(new TextCleaner.Block(t, true));
                }
                return;
            }
            case "ul", "ol" -> {
                Elements items = e.children().select("li");
                int linky = 0;
                for (Element li : items) {
                    if (linkDensity(li) > 0.5) {
                        linky++;
                    }
                }
                if (!items.isEmpty() && linky * 2 > items.size()) {
                    return; // a list of links: related stories, tags, navigation
                }
                break;
            }
            case "table" -> {
                if (linkDensity(e) > 0.5) {
                    return;
                }
                break;
            }
            default -> {
            }
        }
        boolean hasBlockChild = false;
        for (Element c : e.children()) {
            if (BLOCK_TAGS.contains(c.tagName()) || c.tagName().equals("br")) {
                hasBlockChild = true;
                break;
            }
        }
        if (!hasBlockChild) {
            String t = e.text().strip();
            if (!t.isEmpty() && !(linkDensity(e) > 0.6 && t.length() < 250 && e.select("a").size() >= 1)
                    && !isPromotion(e, t)) {
                out.add(new TextCleaner.Block(t, false));
            }
            return;
        }
        // mixed content: runs of inline nodes form paragraphs, <br> and child blocks break them
        StringBuilder run = new StringBuilder();
        List<Element> runElements = new ArrayList<>();
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                run.append(t.getWholeText());
            } else if (n instanceof Element c) {
                if (c.tagName().equals("br")) {
                    flush(run, runElements, out);
                } else if (BLOCK_TAGS.contains(c.tagName())) {
                    flush(run, runElements, out);
                    emit(c, out);
                } else {
                    run.append(c.text());
                    runElements.add(c);
                }
            }
        }
        flush(run, runElements, out);
    }

    private static void flush(StringBuilder run, List<Element> inline, List<TextCleaner.Block> out) {
        String t = run.toString().replaceAll("\\s+", " ").strip();
        if (!t.isEmpty()) {
            int linked = 0;
            for (Element c : inline) {
                if (c.tagName().equals("a")) {
                    linked += c.text().length();
                }
            }
            if (!(linked > t.length() * 0.6 && t.length() < 250)) {
                out.add(new TextCleaner.Block(t, false));
            }
        }
        run.setLength(0);
        inline.clear();
    }

    /** A short block that ends in a sign-up link, or holds no letters at all (an emoji, a bullet). */
    private static boolean isPromotion(Element e, String text) {
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return true;
        }
        if (LineRules.wordCount(text) > 30) {
            return false;
        }
        Elements links = e.select("a");
        if (links.isEmpty()) {
            return false;
        }
        String last = links.last().text().strip();
        return text.endsWith(last) && CALL_TO_ACTION_LINK.matcher(last).matches();
    }

    // ------------------------------------------------------------------ bylines and date lines

    static boolean isBylineOrDateLine(String text) {
        String t = text.strip();
        if (t.length() > 160) {
            return false;
        }
        if (BYLINE.matcher(t).matches() && LineRules.wordCount(t) <= 12 && !t.matches("(?s).*[!?\"”»:]$")
                && !t.matches("(?s).*\\p{Ll}{3,}\\.$")) {
            return true;
        }
        if (t.length() > 120) {
            return false;
        }
        List<DateTexts.Found> dates = DateTexts.findAll(t, true);
        if (dates.isEmpty()) {
            return false;
        }
        StringBuilder rest = new StringBuilder();
        int from = 0;
        for (DateTexts.Found f : dates) {
            rest.append(t, from, Math.max(from, f.start())).append(' ');
            from = Math.max(from, f.end());
        }
        rest.append(t.substring(Math.min(from, t.length())));
        String leftover = DATE_LABEL_WORDS.matcher(rest).replaceAll(" ").replaceAll("[^\\p{L}]", "");
        return leftover.length() <= 10;
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
