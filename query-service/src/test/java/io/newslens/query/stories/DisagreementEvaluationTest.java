package io.newslens.query.stories;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.query.stories.StoryFixtures.Fixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of {@link DisagreementFinder} on the labelled story set, annotated by the real NLP pipeline: every
 * gold story with two or more articles is analysed, and each reported point is matched against the hand-labelled points
 * of stories/disagreements.tsv (a story, a kind, and the values on the sides, as the sentences state them). A reported
 * point is correct when a labelled point of its story has that kind and its sides' values are among the labelled values.
 * Prints every point found, so the labels can be checked.
 */
class DisagreementEvaluationTest {

    static final double PRECISION_FLOOR = 0.7;
    static final double RECALL_FLOOR = 0.5;

    record Label(String story, String kind, Set<String> values, String note) {
    }

    @Test
    void reportedPointsAreMostlyRealOnesAndMostRealOnesAreReported() {
        List<Label> labels = labels();
        Map<String, List<Fixture>> stories = new TreeMap<>();
        StoryFixtures.all().forEach(f -> stories.computeIfAbsent(f.story(), k -> new ArrayList<>()).add(f));
        int reported = 0;
        int correct = 0;
        Set<Label> found = new HashSet<>();
        DisagreementFinder finder = new DisagreementFinder();
        for (Map.Entry<String, List<Fixture>> story : stories.entrySet()) {
            if (story.getValue().size() < 2) {
                continue;
            }
            List<DisagreementFinder.Disagreement> points = finder.find(story.getValue().stream()
                    .map(f -> new DisagreementFinder.Doc(f.id(), f.source(), f.publishedAt(), f.text(), f.annotations())).toList());
            for (DisagreementFinder.Disagreement d : points) {
                reported++;
                Set<String> values = d.sides().stream().map(s -> norm(s.value())).collect(Collectors.toSet());
                Label match = labels.stream().filter(l -> l.story().equals(story.getKey()) && l.kind().equals(d.kind())
                        && l.values().containsAll(values)).findFirst().orElse(null);
                if (match != null) {
                    correct++;
                    found.add(match);
                }
                System.out.printf("%s %-12s %-12s %s%n", match != null ? "OK   " : "WRONG", story.getKey(), d.kind(), d.topic());
                for (DisagreementFinder.Side s : d.sides()) {
                    System.out.printf("        %-24s %s%n", s.value(), s.articleIds());
                    s.sentences().forEach(x -> System.out.println("            | " + x.text().replaceAll("\\s+", " ")));
                }
            }
        }
        for (Label l : labels) {
            if (!found.contains(l)) {
                System.out.printf("MISSED %-12s %-12s %s (%s)%n", l.story(), l.kind(), l.values(), l.note());
            }
        }
        double precision = reported == 0 ? 0 : (double) correct / reported;
        double recall = labels.isEmpty() ? 0 : (double) found.size() / labels.size();
        System.out.printf(Locale.ROOT, "disagreements: %d reported, %d real: precision %.2f; %d of %d labelled points found: "
                + "recall %.2f%n", reported, correct, precision, found.size(), labels.size(), recall);
        assertTrue(precision >= PRECISION_FLOOR, "precision " + precision);
        assertTrue(recall >= RECALL_FLOOR, "recall " + recall);
    }

    static String norm(String value) {
        return value.toLowerCase(Locale.ROOT).strip();
    }

    static List<Label> labels() {
        Path file = StoryFixtures.directory().resolveSibling("disagreements.tsv");
        try {
            List<Label> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Label(f[0], f[1], Set.of(f[2].split("\\|")).stream().map(DisagreementEvaluationTest::norm)
                        .collect(Collectors.toSet()), f.length > 3 ? f[3] : ""));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
