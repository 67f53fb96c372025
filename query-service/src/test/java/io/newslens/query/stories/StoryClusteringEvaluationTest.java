package io.newslens.query.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.contracts.Annotations;
import io.newslens.query.stories.StoryFixtures.Fixture;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Scores story clustering, with the settings the service runs with ({@link StoryConfig#defaults()}), on the labelled
 * story set: BCubed precision, recall and F1 in arrival order and over random arrival orders, beside the baselines of
 * {@link StoryClusteringEvaluation} measured in the same run. Fails when the score falls under the floor, so a change
 * that makes stories worse does not go unnoticed. Prints the numbers docs/stories.md reports.
 */
class StoryClusteringEvaluationTest {

    static final double F1_FLOOR = 0.85;

    final List<Fixture> all = StoryFixtures.all();
    final StorySimilarity.Idf idf = StoryFixtures.idf(all);

    @Test
    void clusteringScoresAboveTheFloorOnTheLabelledSet() {
        StoryClusterer.Settings settings = StoryConfig.defaults();
        List<Fixture> heldOut = StoryFixtures.split("heldout");
        StoryClusteringEvaluation.Result whole = StoryClusteringEvaluation.evaluate(all, StoryClusteringEvaluation.clusterer(settings, idf));
        StoryClusteringEvaluation.Result held = StoryClusteringEvaluation.evaluate(heldOut,
                StoryClusteringEvaluation.clusterer(settings, idf));
        StoryClusteringEvaluation.Result first = StoryClusteringEvaluation.evaluate(all, StoryClusteringEvaluation.firstAssigner());
        StoryClusteringEvaluation.Result embeddingOnly = StoryClusteringEvaluation.evaluate(all,
                StoryClusteringEvaluation.clusterer(new StoryClusterer.Settings(Duration.ofDays(4), 0.6, 9, 1.0, 0), idf));
        System.out.printf("labelled set: %d articles in %d stories (held-out %d in %d)%n", all.size(),
                StoryClusteringEvaluation.stories(all), heldOut.size(), StoryClusteringEvaluation.stories(heldOut));
        System.out.println("settings: " + settings);
        System.out.println("whole set   newslens stories   " + whole.line());
        System.out.println("held-out    newslens stories   " + held.line());
        System.out.println("whole set   first assigner     " + first.line());
        System.out.println("whole set   embedding only 0.6 " + embeddingOnly.line());
        System.out.println("clusters in arrival order (gold story: predicted clusters):");
        StoryClusteringEvaluation.printConfusion(all, StoryClusteringEvaluation.clusterer(settings, idf).cluster(all));

        assertTrue(whole.chronological().f1() >= F1_FLOOR, "whole set F1 " + whole.chronological());
        assertTrue(whole.meanF1() >= F1_FLOOR, "whole set mean F1 over random orders " + whole.meanF1());
        assertTrue(held.chronological().f1() >= F1_FLOOR, "held-out F1 " + held.chronological());
    }

    @Test
    void theFiveSampleArticlesFormOneStoryThatNothingElseJoins() {
        Map<String, String> predicted = StoryClusteringEvaluation.clusterer(StoryConfig.defaults(), idf).cluster(all);
        Set<String> seedClusters = StoryFixtures.story("seed").stream().map(f -> predicted.get(f.id())).collect(Collectors.toSet());
        assertEquals(5, StoryFixtures.story("seed").size());
        assertEquals(1, seedClusters.size(), "the sample articles split: " + predicted);
        String cluster = seedClusters.iterator().next();
        List<String> intruders = all.stream().filter(f -> !f.story().equals("seed") && cluster.equals(predicted.get(f.id())))
                .map(Fixture::id).toList();
        assertEquals(List.of(), intruders);
    }

    /** The set is only a test if other events share the people and places of a story, within its time window. */
    @Test
    void theLabelledSetHasDistractorsSharingPeopleAndPlaces() {
        Set<String> pairs = new TreeSet<>();
        Map<String, String> names = new HashMap<>();
        for (Fixture a : all) {
            for (Fixture b : all) {
                if (a.story().compareTo(b.story()) >= 0) {
                    continue;
                }
                for (Annotations.Entity e : a.annotations().entities()) {
                    if (!Set.of("PERSON", "LOCATION").contains(e.type())) {
                        continue;
                    }
                    boolean shared = b.annotations().entities().stream().anyMatch(x -> x.id().equals(e.id()));
                    if (shared && e.salience() >= 0.05) {
                        pairs.add(a.story() + " / " + b.story());
                        names.merge(a.story() + " / " + b.story(), e.name(), (x, y) -> x.contains(y) ? x : x + ", " + y);
                    }
                }
            }
        }
        long people = pairs.stream().filter(p -> all.stream().anyMatch(a -> p.startsWith(a.story() + " /")
                && a.annotations().entities().stream().anyMatch(e -> "PERSON".equals(e.type()) && names.get(p).contains(e.name()))))
                .count();
        System.out.println("story pairs sharing a salient person or place: " + pairs.size() + " (" + people + " with a person)");
        names.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(40)
                .forEach(e -> System.out.println("  " + e.getKey() + ": " + e.getValue()));
        assertTrue(pairs.size() >= 10, "too few distractor pairs: " + pairs);
        assertTrue(people >= 5, "too few story pairs sharing a person: " + people);
    }
}
