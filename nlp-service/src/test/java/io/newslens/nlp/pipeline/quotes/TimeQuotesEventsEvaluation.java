package io.newslens.nlp.pipeline.quotes;

import io.newslens.contracts.Annotations.Temporal;
import io.newslens.nlp.pipeline.AnalyzedText;
import io.newslens.nlp.pipeline.EventExtractor;
import io.newslens.nlp.pipeline.LocalFindings.LocalEvent;
import io.newslens.nlp.pipeline.LocalFindings.LocalQuote;
import io.newslens.nlp.pipeline.QuoteAttributor;
import io.newslens.nlp.pipeline.TemporalTagger;
import io.newslens.nlp.pipeline.ner.LanguageAnalyzer;
import io.newslens.nlp.pipeline.time.TemporalGold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluation of the time, quote and event layers, end to end on the real language layer:
 * quote-speaker accuracy on {@code nlp/quotes/gold-seeds.json}, {@code gold-hard.json} and {@code gold-heldout.json},
 * temporal accuracy on {@code nlp/time/gold-temporal.json} and {@code gold-temporal-heldout.json}, and the cost of the three layers per article. With
 * {@code --verbose} it lists every gold quote and item, and the temporals, quotes and events of the sample articles.
 *
 * <p>Run (see docs/nlp-time-quotes-events.md): {@code java -cp ... io.newslens.nlp.pipeline.quotes.TimeQuotesEventsEvaluation [--verbose]}.
 * The sample articles are read from {@code -Dnewslens.seeds=DIR}, by default the first of {@code ../shared/corpus/seeds}
 * and {@code ../../shared/corpus/seeds} that exists.
 */
public final class TimeQuotesEventsEvaluation {

    private TimeQuotesEventsEvaluation() {
    }

    public static Path seedDir() {
        String property = System.getProperty("newslens.seeds");
        if (property != null) {
            return Path.of(property);
        }
        for (String candidate : List.of("../shared/corpus/seeds", "../../shared/corpus/seeds", "/work/shared/corpus/seeds")) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return Path.of("../shared/corpus/seeds");
    }

    public static void main(String[] args) throws Exception {
        boolean verbose = List.of(args).contains("--verbose");
        long t0 = System.nanoTime();
        LanguageAnalyzer language = new LanguageAnalyzer().warmUp();
        System.out.printf(Locale.ROOT, "language layer ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Path seeds = seedDir();

        QuoteGold.Score seedScore = QuoteGold.score(QuoteGold.load("nlp/quotes/gold-seeds.json", seeds), language::analyze);
        print("quotes, sample articles (gold-seeds.json)", seedScore, verbose);
        QuoteGold.Score hardScore = QuoteGold.score(QuoteGold.load("nlp/quotes/gold-hard.json", seeds), language::analyze);
        print("quotes, harder cases (gold-hard.json)", hardScore, verbose);

        QuoteGold.Score heldOut = QuoteGold.score(QuoteGold.load("nlp/quotes/gold-heldout.json", seeds), language::analyze);
        print("quotes, held-out cases (gold-heldout.json)", heldOut, verbose);

        for (String file : List.of("gold-temporal.json", "gold-temporal-heldout.json")) {
            TemporalGold.Score time = TemporalGold.score(TemporalGold.load("nlp/time/" + file), language::analyze);
            System.out.println("temporals (" + file + "): " + time.summary());
            for (TemporalGold.Outcome o : time.outcomes()) {
                if (verbose || !o.right()) {
                    System.out.printf("  %s %-28s expected %-24s found %s -> %s (%s)%n", o.right() ? "ok " : "BAD",
                            o.item().expression(), o.item().value(), o.foundText(), o.foundValue(), o.foundKind());
                }
            }
        }

        // cost of the three layers per article, on the analysed sample articles
        List<AnalyzedText> analysed = new ArrayList<>();
        for (QuoteGold.Article a : QuoteGold.load("nlp/quotes/gold-seeds.json", seeds)) {
            analysed.add(language.analyze(a.text(), a.publishedAt()));
        }
        TemporalTagger tagger = new TemporalTagger();
        QuoteAttributor quotes = new QuoteAttributor();
        EventExtractor events = new EventExtractor();
        for (int warm = 0; warm < 50; warm++) {
            for (AnalyzedText a : analysed) {
                events.extract(a, tagger.tag(a));
                quotes.attribute(a);
            }
        }
        int rounds = 200;
        long[] ns = new long[3];
        for (int r = 0; r < rounds; r++) {
            for (AnalyzedText a : analysed) {
                long s0 = System.nanoTime();
                List<Temporal> tm = tagger.tag(a);
                long s1 = System.nanoTime();
                quotes.attribute(a);
                long s2 = System.nanoTime();
                events.extract(a, tm);
                long s3 = System.nanoTime();
                ns[0] += s1 - s0;
                ns[1] += s2 - s1;
                ns[2] += s3 - s2;
            }
        }
        double n = rounds * analysed.size();
        System.out.printf(Locale.ROOT, "cost per sample article (one thread, warmed): time %.2f ms, quotes %.2f ms, events %.2f ms%n",
                ns[0] / n / 1e6, ns[1] / n / 1e6, ns[2] / n / 1e6);

        if (verbose) {
            for (int i = 0; i < analysed.size(); i++) {
                AnalyzedText a = analysed.get(i);
                System.out.println("=== sample article " + i + " (published " + a.publishedAt() + ")");
                List<Temporal> tm = tagger.tag(a);
                for (Temporal t : tm) {
                    System.out.printf("  TIME  %-30s %-8s %s%n", t.text().replace('\n', ' '), t.kind(), t.value());
                }
                for (LocalQuote q : quotes.attribute(a)) {
                    System.out.printf(Locale.ROOT, "  QUOTE %-45s %s (%.2f)%n", abbreviate(q.text(), 45), q.speakerName(), q.confidence());
                }
                for (LocalEvent e : events.extract(a, tm)) {
                    System.out.printf(Locale.ROOT, "  EVENT %-17s %s at %s, %s (%.2f) | %s%n", e.type(), e.participantKeys(), e.placeKey(),
                            e.time(), e.confidence(), abbreviate(e.evidence(), 90));
                }
            }
        }
    }

    private static void print(String title, QuoteGold.Score score, boolean verbose) {
        System.out.println(title + ": " + score.summary());
        for (QuoteGold.Outcome o : score.outcomes()) {
            if (verbose || !o.right()) {
                System.out.printf("  %s %-22s %-45s gold %-22s found %s%n", o.right() ? "ok " : "BAD", o.article(),
                        abbreviate(o.quote(), 45), o.gold(), o.located() ? o.found() : "(quote not found)");
            }
        }
    }

    private static String abbreviate(String s, int n) {
        String flat = s.replace('\n', ' ');
        return flat.length() <= n ? flat : flat.substring(0, n - 1) + "…";
    }
}
