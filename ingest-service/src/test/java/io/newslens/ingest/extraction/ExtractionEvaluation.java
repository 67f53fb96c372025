package io.newslens.ingest.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Scores article extraction, publication dates and language detection on the hand-made pages under
 * {@code src/test/resources/extraction/pages} (see docs/extraction.md), per set: "dev" pages were written first and
 * used for tuning; "heldout" pages were written afterwards and scored untouched once (that run is kept in
 * {@code extraction/heldout-first-run.txt}), then their failures led to general fixes; "fresh" pages were written
 * after those fixes and never tuned on.
 *
 * <pre>
 * mvn -B -q -ntp -pl ingest-service test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=io.newslens.ingest.extraction.ExtractionEvaluation
 * </pre>
 * System properties: {@code -Deval.verbose=true} prints each page's scores and dates; {@code -Deval.languages=false}
 * skips the language-detector comparison (it loads Lingua's models, which takes a while and about 1 GB of heap).
 */
public final class ExtractionEvaluation {

    record Page(String id, String half, String layout, String language, String url, String publishedGold, String zone,
            String html, String gold) {
    }

    record Result(String extractor, String half, ShingleScore.Summary n4, ShingleScore.Summary n1, double msPerPage) {
    }

    private static final String ROOT = "/extraction/pages/";

    public static void main(String[] args) throws Exception {
        boolean verbose = Boolean.getBoolean("eval.verbose");
        boolean languages = !"false".equals(System.getProperty("eval.languages"));
        List<Page> pages = loadPages();
        System.out.printf("%d pages: %d dev, %d held-out, %d fresh%n%n", pages.size(), count(pages, "dev"),
                count(pages, "heldout"), count(pages, "fresh"));

        HtmlArticleExtractor ours = new HtmlArticleExtractor();
        Map<String, Function<Page, String>> extractors = new LinkedHashMap<>();
        extractors.put("newslens", p -> ours.extract(p.html(), p.url()).text());
        extractors.put("readability4j", p -> readability4j(p));
        extractors.put("boilerpipe-article", p -> boilerpipe(p));
        extractors.put("jreadability", p -> jreadability(p));
        extractors.put("whole-page-text", p -> Jsoup.parse(p.html()).body().text());

        // ------------------------------------------------------------------ extraction
        System.out.println("== Main text: word-shingle F1 (n=4, benchmark style) and word F1 (n=1)");
        System.out.printf("%-20s %-8s %6s %6s %6s   %6s %6s %6s   %8s%n", "extractor", "half", "F1", "prec", "recall",
                "F1@1", "p@1", "r@1", "cpu ms/page");
        Map<String, List<ShingleScore.Match>> perPage = new LinkedHashMap<>();
        for (var e : extractors.entrySet()) {
            for (String half : List.of("dev", "heldout", "fresh", "all")) {
                List<Page> subset = half.equals("all") ? pages : pages.stream().filter(p -> p.half().equals(half)).toList();
                if (subset.isEmpty()) {
                    continue;
                }
                List<ShingleScore.Match> m4 = new ArrayList<>();
                List<ShingleScore.Match> m1 = new ArrayList<>();
                for (Page p : subset) {
                    String text = safe(e.getValue(), p);
                    ShingleScore.Match m = ShingleScore.match(p.gold(), text, 4);
                    m4.add(m);
                    m1.add(ShingleScore.match(p.gold(), text, 1));
                    if (half.equals("all")) {
                        perPage.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(m);
                    }
                }
                double ms = timePerPage(e.getValue(), subset);
                ShingleScore.Summary s4 = ShingleScore.summarize(m4);
                ShingleScore.Summary s1 = ShingleScore.summarize(m1);
                System.out.printf("%-20s %-8s %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f   %8.1f%n", e.getKey(), half, s4.f1(),
                        s4.precision(), s4.recall(), s1.f1(), s1.precision(), s1.recall(), ms);
            }
        }
        if (verbose) {
            System.out.println("\nper page (F1@4): " + String.join(" ", extractors.keySet()));
            for (int i = 0; i < pages.size(); i++) {
                StringBuilder sb = new StringBuilder(String.format("%-5s %-9s %-10s %-3s", pages.get(i).id(), pages.get(i).layout(),
                        pages.get(i).half(), pages.get(i).language()));
                for (String name : extractors.keySet()) {
                    ShingleScore.Match m = perPage.get(name).get(i);
                    double f = m.precision() + m.recall() == 0 ? 0 : 2 * m.precision() * m.recall() / (m.precision() + m.recall());
                    sb.append(String.format("  %.3f(p%.2f r%.2f)", f, m.precision(), m.recall()));
                }
                System.out.println(sb);
            }
        }

        // per-page cost of the whole extraction (text, metadata, dates, language) in CPU time of this thread, the
        // best of 7 runs per page, so that other work on a shared machine does not count
        System.out.println("\n== newslens per-page cost (everything: text, title, byline, dates, language), CPU time, best of 7");
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> costs = new ArrayList<>();
        for (Page p : pages) {
            double best = Double.MAX_VALUE;
            for (int r = 0; r < 7; r++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                ours.extract(p.html(), p.url());
                best = Math.min(best, (cpu.getCurrentThreadCpuTime() - t0) / 1e6);
            }
            costs.add(best);
        }
        costs.sort(Double::compare);
        System.out.printf("median %.1f ms, 90th percentile %.1f ms, max %.1f ms (page sizes %d-%d KB)%n",
                costs.get(costs.size() / 2), costs.get((int) (costs.size() * 0.9)), costs.get(costs.size() - 1),
                pages.stream().mapToInt(p -> p.html().length()).min().orElse(0) / 1024,
                pages.stream().mapToInt(p -> p.html().length()).max().orElse(0) / 1024);

        // ------------------------------------------------------------------ dates
        System.out.println("\n== Publication date, right to the day in the publisher's zone (gold 'none' = no date may be given)");
        PublicationDateExtractor dates = new PublicationDateExtractor();
        System.out.printf("%-20s %-8s %9s %7s %8s %8s%n", "method", "half", "accuracy", "right", "wrong", "invented");
        for (String method : List.of("newslens", "first-signal")) {
            for (String half : List.of("dev", "heldout", "fresh", "all")) {
                List<Page> subset = half.equals("all") ? pages : pages.stream().filter(p -> p.half().equals(half)).toList();
                if (subset.isEmpty()) {
                    continue;
                }
                int right = 0;
                int wrong = 0;
                int invented = 0;
                for (Page p : subset) {
                    Instant found = method.equals("newslens") ? ours.extract(p.html(), p.url()).publishedAt()
                            : firstSignal(p);
                    boolean ok = dateRight(p, found);
                    if (ok) {
                        right++;
                    } else if (p.publishedGold().equals("none")) {
                        invented++;
                    } else {
                        wrong++;
                    }
                    if (verbose && half.equals("all") && method.equals("newslens") && !ok) {
                        System.out.printf("   %s: gold %s, found %s%n", p.id(), p.publishedGold(), found);
                    }
                }
                System.out.printf("%-20s %-8s %8.1f%% %7d %8d %8d%n", method, half, 100.0 * right / subset.size(), right,
                        wrong, invented);
            }
        }

        // ------------------------------------------------------------------ languages
        System.out.println("\n== Language of the extracted text (newslens detector)");
        for (String half : List.of("dev", "heldout", "fresh", "all")) {
            List<Page> subset = half.equals("all") ? pages : pages.stream().filter(p -> p.half().equals(half)).toList();
            if (subset.isEmpty()) {
                continue;
            }
            int right = 0;
            for (Page p : subset) {
                if (p.language().equals(ours.extract(p.html(), p.url()).language())) {
                    right++;
                }
            }
            System.out.printf("%-8s %d/%d = %.1f%%%n", half, right, subset.size(), 100.0 * right / subset.size());
        }
        if (languages) {
            LanguageComparison.run(pages);
        }
    }

    // ------------------------------------------------------------------ the compared extractors

    static String readability4j(Page p) {
        String content = new Readability4J(p.url() == null ? "" : p.url(), p.html()).parse().getContent();
        return content == null ? "" : HtmlArticleExtractor.htmlToText(content);
    }

    static String boilerpipe(Page p) {
        try {
            return de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE.getText(p.html());
        } catch (Exception e) {
            return "";
        }
    }

    static String jreadability(Page p) {
        com.wuman.jreadability.Readability r = new com.wuman.jreadability.Readability(p.html()) {
            @Override
            protected void dbg(String msg) {
            }

            @Override
            protected void dbg(String msg, Throwable t) {
            }
        };
        r.init();
        return HtmlArticleExtractor.htmlToText(r.outerHtml());
    }

    /** The first version's date logic: the first meta tag, then the first time element, then the URL. */
    static Instant firstSignal(Page p) {
        Document page = Jsoup.parse(p.html(), p.url() == null ? "" : p.url());
        for (String name : new String[] {"article:published_time", "og:article:published_time", "datePublished", "pubdate",
            "publishdate", "date", "dc.date", "DC.date.issued", "sailthru.date", "parsely-pub-date"}) {
            Element e = page.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]");
            if (e != null) {
                Optional<Instant> i = DateTexts.parseMachine(e.attr("content"));
                if (i.isPresent()) {
                    return i.get();
                }
            }
        }
        Element time = page.selectFirst("time[datetime]");
        if (time != null) {
            Optional<Instant> i = DateTexts.parseMachine(time.attr("datetime"));
            if (i.isPresent()) {
                return i.get();
            }
        }
        List<PublicationDateExtractor.Candidate> fromUrl = new ArrayList<>();
        PublicationDateExtractor.url(p.url(), fromUrl);
        return fromUrl.isEmpty() ? null : fromUrl.get(0).instant();
    }

    static boolean dateRight(Page p, Instant found) {
        if (p.publishedGold().equals("none")) {
            return found == null;
        }
        if (found == null) {
            return false;
        }
        ZoneOffset zone = p.zone() == null ? ZoneOffset.UTC : ZoneOffset.of(p.zone());
        return found.atOffset(zone).toLocalDate().equals(LocalDate.parse(p.publishedGold()));
    }

    // ------------------------------------------------------------------ plumbing

    private static String safe(Function<Page, String> f, Page p) {
        try {
            String s = f.apply(p);
            return s == null ? "" : s;
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    /** Mean CPU time of this thread per page (wall time on a shared 2-core machine measures the neighbours). */
    private static double timePerPage(Function<Page, String> f, List<Page> pages) {
        for (Page p : pages) {
            safe(f, p); // warm-up
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        int rounds = 3;
        long start = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++) {
            for (Page p : pages) {
                safe(f, p);
            }
        }
        return (cpu.getCurrentThreadCpuTime() - start) / 1e6 / (rounds * pages.size());
    }

    private static long count(List<Page> pages, String half) {
        return pages.stream().filter(p -> p.half().equals(half)).count();
    }

    static List<Page> loadPages() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(resource(ROOT + "manifest.json"));
        List<Page> pages = new ArrayList<>();
        for (JsonNode n : manifest) {
            String id = n.get("id").asText();
            pages.add(new Page(id, n.get("half").asText(), n.get("layout").asText(), n.get("language").asText(),
                    n.hasNonNull("url") ? n.get("url").asText() : null, n.get("published").asText(),
                    n.hasNonNull("publishedZone") ? n.get("publishedZone").asText() : null, resource(ROOT + id + ".html"),
                    resource(ROOT + id + ".txt")));
        }
        return pages;
    }

    static String resource(String path) throws IOException {
        try (InputStream in = ExtractionEvaluation.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ExtractionEvaluation() {
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
