package io.newslens.benchmarks.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Unique, realistic articles for load: each is a fresh random draw of whole sentences from a pool cut out of real
 * and written news text (the shared sample corpus, the repository's samples and the gold sets), in random order and
 * paragraphs, so every text is new to the deduplication (exact and near) while NLP sees ordinary news prose of the
 * usual length. Nothing is tuned to any one file: the pool is only a source of sentences.
 */
final class Articles {

    record Article(long seq, String title, String sourceName, String sourceDomain, Instant publishedAt, String text) {

        /** The single-article JSON body of {@code POST /api/v1/articles} (one NDJSON line for a batch). */
        String json() {
            ObjectNode n = Http.JSON.createObjectNode();
            n.put("title", title);
            n.putObject("source").put("name", sourceName).put("domain", sourceDomain);
            n.put("publishedAt", publishedAt.toString());
            n.put("language", "en");
            n.put("text", text);
            return write(n);
        }

        /** The same article as a web page with the usual chrome around it (navigation, share buttons, footer). */
        String htmlJson() {
            StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                    .append(escape(title)).append(" | ").append(escape(sourceName)).append("</title>")
                    .append("<meta property=\"article:published_time\" content=\"").append(publishedAt).append("\">")
                    .append("<script>window.analytics={};</script></head><body><header><nav><a href=\"/\">Home</a>")
                    .append("<a href=\"/world\">World</a><a href=\"/business\">Business</a><a href=\"/login\">Sign in</a></nav></header>")
                    .append("<main><article><h1>").append(escape(title)).append("</h1><p class=\"byline\">By Staff Reporter</p>");
            for (String para : text.split("\n\n")) {
                html.append("<p>").append(escape(para)).append("</p>");
            }
            html.append("<div class=\"share\">Share on Facebook Share on X Copy link</div></article>")
                    .append("<aside><h2>Most read</h2><ul><li><a href=\"/a\">Markets close higher</a></li>")
                    .append("<li><a href=\"/b\">Weather warning issued</a></li></ul></aside></main>")
                    .append("<footer>© ").append(escape(sourceName)).append(". All rights reserved. Privacy Terms Cookies</footer></body></html>");
            ObjectNode n = Http.JSON.createObjectNode();
            n.put("html", html.toString());
            n.putObject("source").put("name", sourceName).put("domain", sourceDomain);
            n.put("language", "en");
            return write(n);
        }

        int words() {
            return text.split("\\s+").length;
        }
    }

    private static final String[][] OUTLETS = {
            {"Harbour Herald", "harbourherald.example"}, {"Lowlands Daily", "lowlandsdaily.example"},
            {"North Sea Wire", "northsea-wire.example"}, {"Alpine Courier", "alpinecourier.example"},
            {"Tech Tribune", "techtribune.example"}, {"Eastern Ledger", "easternledger.example"},
            {"Pacific Dispatch", "pacificdispatch.example"}, {"Capital Observer", "capitalobserver.example"},
            {"Morning Post Review", "morningpostreview.example"}, {"Global Monitor", "globalmonitor.example"},
            {"River City Times", "rivercitytimes.example"}, {"Continental Report", "continentalreport.example"}};
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’)]?)\\s+(?=[\"“‘(]?[A-Z0-9])");
    private static final Pattern GOLD_MARKUP = Pattern.compile("\\[\\[[A-Z]+ ([^\\]]*)\\]\\]");
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i).*(advertisement|subscribe|newsletter|sign up|share this|copyright|all rights reserved|cookie|click here|photo:|getty|reuters/|read more).*");

    private final List<String> pool;
    private final Random random;
    private final int targetWords;
    private final String runTag;
    private final AtomicLong seq = new AtomicLong();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Articles(List<Path> sources, int targetWords, long seed, String runTag) {
        this.pool = sentences(sources);
        if (pool.size() < 60) {
            throw new IllegalStateException("only " + pool.size() + " usable sentences in " + sources
                    + "; point --corpus at more text");
        }
        this.random = new Random(seed);
        this.targetWords = targetWords;
        this.runTag = runTag;
    }

    int poolSize() {
        return pool.size();
    }

    synchronized Article next() {
        long n = seq.incrementAndGet();
        StringBuilder text = new StringBuilder();
        Set<Integer> used = new LinkedHashSet<>();
        int words = 0;
        int inParagraph = 0;
        int paragraphLength = 2 + random.nextInt(3);
        while (words < targetWords) {
            int i = random.nextInt(pool.size());
            if (!used.add(i)) {
                continue;
            }
            String s = pool.get(i);
            if (inParagraph == paragraphLength) {
                text.append("\n\n");
                inParagraph = 0;
                paragraphLength = 2 + random.nextInt(3);
            } else if (text.length() > 0) {
                text.append(' ');
            }
            text.append(s);
            inParagraph++;
            words += s.split("\\s+").length;
        }
        String first = pool.get(used.iterator().next());
        String[] firstWords = first.replaceAll("[\"“”‘’]", "").split("\\s+");
        String title = String.join(" ", List.of(firstWords).subList(0, Math.min(9, firstWords.length)))
                .replaceAll("[,;:.]+$", "") + " (" + runTag + "-" + n + ")";
        String[] outlet = OUTLETS[random.nextInt(OUTLETS.length)];
        Instant published = now.minus(random.nextInt(60 * 24 * 30), ChronoUnit.MINUTES);
        return new Article(n, title, outlet[0], outlet[1], published, text.toString());
    }

    /** Words that occur in the pool, for search queries that find some articles but not all. */
    List<String> queryWords(int count, long seed) {
        Random r = new Random(seed);
        Set<String> words = new LinkedHashSet<>();
        int guard = 0;
        while (words.size() < count && guard++ < 100_000) {
            String[] ws = pool.get(r.nextInt(pool.size())).split("[^\\p{L}]+");
            String w = ws[r.nextInt(ws.length)].toLowerCase(Locale.ROOT);
            if (w.length() >= 5) {
                words.add(w);
            }
        }
        return new ArrayList<>(words);
    }

    private static List<String> sentences(List<Path> sources) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Path source : sources) {
            List<Path> files;
            try (Stream<Path> s = Files.isDirectory(source) ? Files.walk(source) : Stream.of(source)) {
                files = s.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source, e);
            }
            for (Path f : files) {
                String text;
                try {
                    text = Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                // the gold sets mark entities inline as [[TYPE words]]: keep the words
                text = GOLD_MARKUP.matcher(text).replaceAll("$1");
                for (String line : text.split("\\R")) {
                    for (String s : SENTENCE_END.split(line.strip())) {
                        s = s.strip();
                        int words = s.split("\\s+").length;
                        if (words >= 8 && words <= 60 && s.matches(".*[.!?][\"”’)]?$") && !BOILERPLATE.matcher(s).matches()
                                && seen.add(s)) {
                            out.add(s);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String write(ObjectNode n) {
        try {
            return Http.JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
