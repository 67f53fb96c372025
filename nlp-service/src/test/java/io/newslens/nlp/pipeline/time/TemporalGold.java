package io.newslens.nlp.pipeline.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.contracts.Annotations.Temporal;
import io.newslens.nlp.pipeline.AnalyzedText;
import io.newslens.nlp.pipeline.TemporalTagger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Temporal accuracy on {@code nlp/time/gold-temporal.json}: an item is right when a temporal overlapping the
 * expected expression has exactly the expected value (and kind, when given); an item with no value (a timestamp,
 * a counter, an age) is right when nothing with a value overlaps it.
 */
public final class TemporalGold {

    public record Item(Instant publishedAt, String text, String expression, String value, String kind) {
    }

    public record Outcome(Item item, String foundText, String foundValue, String foundKind, boolean right) {
    }

    public record Score(int items, int right, int positives, int positivesRight, int negatives, int negativesRight,
            List<Outcome> outcomes) {

        public double accuracy() {
            return items == 0 ? 0 : (double) right / items;
        }

        public String summary() {
            return String.format(Locale.ROOT,
                    "accuracy %.3f (%d/%d): expressions normalised right %d/%d, non-times left alone %d/%d",
                    accuracy(), right, items, positivesRight, positives, negativesRight, negatives);
        }
    }

    private TemporalGold() {
    }

    public static List<Item> load(String resource) {
        try (InputStream in = TemporalGold.class.getClassLoader().getResourceAsStream(resource)) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Item> out = new ArrayList<>();
            for (JsonNode n : root.get("items")) {
                out.add(new Item(Instant.parse(n.get("publishedAt").asText() + "T00:00:00Z"), n.get("text").asText(),
                        n.get("expression").asText(), n.get("value").isNull() ? null : n.get("value").asText(),
                        n.hasNonNull("kind") ? n.get("kind").asText() : null));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Score score(List<Item> items, BiFunction<String, Instant, AnalyzedText> analyse) {
        TemporalTagger tagger = new TemporalTagger();
        int right = 0;
        int positives = 0;
        int positivesRight = 0;
        int negatives = 0;
        int negativesRight = 0;
        List<Outcome> outcomes = new ArrayList<>();
        for (Item item : items) {
            List<Temporal> found = tagger.tag(analyse.apply(item.text(), item.publishedAt()));
            int start = item.text().indexOf(item.expression());
            int end = start + item.expression().length();
            Temporal hit = null;
            for (Temporal t : found) {
                if (t.start() < end && start < t.end()) {
                    hit = t;
                    break;
                }
            }
            boolean ok;
            if (item.value() == null) {
                negatives++;
                ok = hit == null || hit.value() == null;
                if (ok) {
                    negativesRight++;
                }
            } else {
                positives++;
                ok = hit != null && item.value().equals(hit.value()) && (item.kind() == null || item.kind().equals(hit.kind()));
                if (ok) {
                    positivesRight++;
                }
            }
            if (ok) {
                right++;
            }
            outcomes.add(new Outcome(item, hit == null ? null : hit.text(), hit == null ? null : hit.value(),
                    hit == null ? null : hit.kind(), ok));
        }
        return new Score(items.size(), right, positives, positivesRight, negatives, negativesRight, outcomes);
    }
}
