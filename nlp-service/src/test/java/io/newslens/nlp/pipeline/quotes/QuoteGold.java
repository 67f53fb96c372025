package io.newslens.nlp.pipeline.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.nlp.pipeline.AnalyzedText;
import io.newslens.nlp.pipeline.LocalFindings.LocalQuote;
import io.newslens.nlp.pipeline.QuoteAttributor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Quote-speaker accuracy on a gold list ({@code nlp/quotes/gold-*.json}): a gold quote counts as right when a
 * found quote starts with its text and carries the gold speaker, or no speaker when the gold has none. A gold
 * quote that is not found at all counts as wrong.
 */
public final class QuoteGold {

    /** One article of a gold file, its text already read. */
    public record Article(String id, String text, Instant publishedAt, List<GoldQuote> quotes) {
    }

    public record GoldQuote(String quote, String speaker) {
    }

    /** The outcome on one gold quote. */
    public record Outcome(String article, String quote, String gold, String found, boolean located, boolean right) {
    }

    public record Score(int gold, int right, int located, int speakersGiven, int speakersGivenRight, int extraQuotes,
            List<Outcome> outcomes) {

        public double accuracy() {
            return gold == 0 ? 0 : (double) right / gold;
        }

        public double precision() {
            return speakersGiven == 0 ? 0 : (double) speakersGivenRight / speakersGiven;
        }

        public String summary() {
            return String.format(Locale.ROOT,
                    "accuracy %.3f (%d/%d right: correct speaker or correctly none), precision of given speakers %.3f (%d/%d), "
                            + "quotes located %d/%d, quotes found beyond the gold list %d",
                    accuracy(), right, gold, precision(), speakersGivenRight, speakersGiven, located, gold, extraQuotes);
        }
    }

    private QuoteGold() {
    }

    /** Reads a gold file from the test classpath; seed articles are read from {@code seedDir}. */
    public static List<Article> load(String resource, Path seedDir) {
        ObjectMapper om = new ObjectMapper();
        try (InputStream in = QuoteGold.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            JsonNode root = om.readTree(in);
            List<Article> out = new ArrayList<>();
            for (JsonNode a : root.get("articles")) {
                String text;
                String id;
                if (a.hasNonNull("file")) {
                    id = a.get("file").asText();
                    text = Files.readString(seedDir.resolve(id));
                } else {
                    id = a.get("id").asText();
                    text = a.get("text").asText();
                }
                List<GoldQuote> quotes = new ArrayList<>();
                for (JsonNode q : a.get("quotes")) {
                    quotes.add(new GoldQuote(q.get("quote").asText(), q.get("speaker").isNull() ? null : q.get("speaker").asText()));
                }
                out.add(new Article(id, text, Instant.parse(a.get("publishedAt").asText() + "T00:00:00Z"), quotes));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores the attributor on the articles, analysing each with {@code analyse}. */
    public static Score score(List<Article> articles, BiFunction<String, Instant, AnalyzedText> analyse) {
        QuoteAttributor attributor = new QuoteAttributor();
        int gold = 0;
        int right = 0;
        int located = 0;
        int given = 0;
        int givenRight = 0;
        int extra = 0;
        List<Outcome> outcomes = new ArrayList<>();
        for (Article a : articles) {
            List<LocalQuote> found = attributor.attribute(analyse.apply(a.text(), a.publishedAt()));
            Set<Integer> used = new HashSet<>();
            for (GoldQuote g : a.quotes()) {
                gold++;
                int match = -1;
                for (int i = 0; i < found.size(); i++) {
                    if (!used.contains(i) && normal(found.get(i).text()).startsWith(normal(g.quote()))) {
                        match = i;
                        break;
                    }
                }
                if (match < 0) {
                    outcomes.add(new Outcome(a.id(), g.quote(), g.speaker(), null, false, false));
                    continue;
                }
                used.add(match);
                located++;
                String speaker = found.get(match).speakerName();
                boolean ok = g.speaker() == null ? speaker == null : speaker != null && normal(speaker).equals(normal(g.speaker()));
                if (speaker != null) {
                    given++;
                    if (ok) {
                        givenRight++;
                    }
                }
                if (ok) {
                    right++;
                }
                outcomes.add(new Outcome(a.id(), g.quote(), g.speaker(), speaker, true, ok));
            }
            extra += found.size() - used.size();
        }
        return new Score(gold, right, located, given, givenRight, extra, outcomes);
    }

    static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[“”\"‘’'«»„]", "").replaceAll("\\s+", " ").strip();
    }
}
