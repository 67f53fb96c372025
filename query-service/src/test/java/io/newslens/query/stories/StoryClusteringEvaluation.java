package io.newslens.query.stories;

import io.newslens.query.stories.StoryFixtures.Fixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Tunes story clustering on the tuning half of the labelled set and reports BCubed precision, recall and F1 on the
 * held-out half, in arrival order (publication time) and over random arrival orders, beside two baselines measured
 * in the same run: the first version of the assigner (centroid cosine and unweighted entity Jaccard, no idf, no
 * merging) and embedding similarity alone. Not a test; run it (docs/stories.md):
 *
 * <pre>
 * mvn -B -q -ntp -pl query-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.newslens.query.stories.StoryClusteringEvaluation
 * </pre>
 */
public final class StoryClusteringEvaluation {

    static final int RANDOM_ORDERS = 20;
    static final long SEED = 20260423L;

    /** One way of clustering a sequence of articles. */
    interface Method {
        Map<String, String> cluster(List<Fixture> arrivals);
    }

    record Result(double chronologicalF1, BCubed.Score chronological, double meanF1, double minF1, double meanP,
            double meanR) {
        String line() {
            return String.format(Locale.ROOT, "arrival order %s | %d random orders: mean P=%.3f R=%.3f F1=%.3f, min F1=%.3f",
                    chronological, RANDOM_ORDERS, meanP, meanR, meanF1, minF1);
        }
    }

    public static void main(String[] args) {
        List<Fixture> all = StoryFixtures.all();
        List<Fixture> tune = StoryFixtures.split("tune");
        List<Fixture> heldOut = StoryFixtures.split("heldout");
        StorySimilarity.Idf idf = StoryFixtures.idf(all);
        System.out.printf("labelled set: %d articles (%d tune in %d stories, %d held-out in %d stories)%n", all.size(),
                tune.size(), stories(tune), heldOut.size(), stories(heldOut));

        // grid search on the tuning half
        StoryClusterer.Settings best = null;
        Result bestResult = null;
        int tried = 0;
        for (int windowDays : new int[] {2, 3, 4}) {
            for (double w = 0.4; w <= 0.801; w += 0.1) {
                for (double join = 0.30; join <= 0.651; join += 0.025) {
                    for (double mergeGap : new double[] {0, 0.1, 9}) {
                      for (double penalty : new double[] {0, 0.2, 0.3, 0.4, 0.5}) {
                        StoryClusterer.Settings s = new StoryClusterer.Settings(Duration.ofDays(windowDays), join,
                                join + mergeGap, w, penalty);
                        Result r = evaluate(tune, clusterer(s, idf));
                        tried++;
                        if (bestResult == null || r.meanF1() > bestResult.meanF1() + 1e-9
                                || Math.abs(r.meanF1() - bestResult.meanF1()) <= 1e-9 && r.minF1() > bestResult.minF1()) {
                            best = s;
                            bestResult = r;
                        }
                      }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT,
                "tuned on the tuning half (%d settings): window=%s join=%.3f merge=%s embeddingWeight=%.1f placePenalty=%.1f%n",
                tried, best.window(), best.joinThreshold(),
                best.mergeThreshold() > 1 ? "off" : String.format(Locale.ROOT, "%.3f", best.mergeThreshold()), best.embeddingWeight(),
                best.placePenalty());
        System.out.println("  tune     " + bestResult.line());

        // embedding-only baseline, its threshold tuned the same way
        StoryClusterer.Settings embeddingOnly = null;
        Result embeddingOnlyTune = null;
        for (double join = 0.30; join <= 0.851; join += 0.025) {
            StoryClusterer.Settings s = new StoryClusterer.Settings(Duration.ofDays(4), join, 9, 1.0, 0);
            Result r = evaluate(tune, clusterer(s, idf));
            if (embeddingOnlyTune == null || r.meanF1() > embeddingOnlyTune.meanF1()) {
                embeddingOnly = s;
                embeddingOnlyTune = r;
            }
        }

        System.out.println();
        System.out.println("held-out half (never used for tuning), same run:");
        System.out.println("  newslens stories      " + evaluate(heldOut, clusterer(best, idf)).line());
        System.out.printf(Locale.ROOT, "  embedding only (join %.3f) %s%n", embeddingOnly.joinThreshold(),
                evaluate(heldOut, clusterer(embeddingOnly, idf)).line());
        System.out.println("  first assigner        " + evaluate(heldOut, firstAssigner()).line());
        System.out.println();
        System.out.println("whole set, arrival order:");
        System.out.println("  newslens stories      " + evaluate(all, clusterer(best, idf)).line());
        System.out.println("  first assigner        " + evaluate(all, firstAssigner()).line());

        System.out.println();
        System.out.println("held-out clusters in arrival order (gold story: predicted clusters):");
        Map<String, String> predicted = clusterer(best, idf).cluster(heldOut);
        printConfusion(heldOut, predicted);
        System.out.println();
        System.out.println("tune clusters in arrival order:");
        printConfusion(tune, clusterer(best, idf).cluster(tune));
    }

    static int stories(List<Fixture> f) {
        return (int) f.stream().map(Fixture::story).distinct().count();
    }

    static Method clusterer(StoryClusterer.Settings settings, StorySimilarity.Idf idf) {
        return arrivals -> {
            StoryClusterer c = new StoryClusterer(settings, idf);
            arrivals.forEach(f -> c.add(f.profile()));
            return c.assignments();
        };
    }

    /**
     * The assigner this work replaced, as it was: centroid cosine and weighted Jaccard of normalised entity salience
     * (PERSON, ORGANIZATION, LOCATION, EQUIPMENT), weight 0.6, threshold 0.5, window 4 days, no merging.
     */
    static Method firstAssigner() {
        Set<String> types = Set.of("PERSON", "ORGANIZATION", "LOCATION", "EQUIPMENT");
        return arrivals -> {
            Map<String, String> out = new LinkedHashMap<>();
            Map<String, List<Fixture>> members = new LinkedHashMap<>();
            for (Fixture f : arrivals) {
                Map<String, Double> profile = normalised(f, types);
                String best = null;
                double bestScore = -1;
                for (Map.Entry<String, List<Fixture>> s : members.entrySet()) {
                    List<Fixture> m = s.getValue();
                    java.time.Instant first = m.stream().map(Fixture::publishedAt).min(java.time.Instant::compareTo).get();
                    java.time.Instant last = m.stream().map(Fixture::publishedAt).max(java.time.Instant::compareTo).get();
                    if (f.publishedAt().isBefore(first.minus(Duration.ofDays(4))) || f.publishedAt().isAfter(last.plus(Duration.ofDays(4)))) {
                        continue;
                    }
                    float[] sum = new float[f.annotations().embedding().length];
                    Map<String, Double> storyProfile = new HashMap<>();
                    double total = 0;
                    for (Fixture x : m) {
                        for (int i = 0; i < sum.length; i++) {
                            sum[i] += x.annotations().embedding()[i];
                        }
                        for (var e : x.annotations().entities()) {
                            if (types.contains(e.type())) {
                                storyProfile.merge(e.id(), e.salience(), Double::sum);
                                total += e.salience();
                            }
                        }
                    }
                    double t = total;
                    storyProfile.replaceAll((k, v) -> t == 0 ? 0 : v / t);
                    double score = 0.6 * StorySimilarity.cosine(f.annotations().embedding(), sum)
                            + 0.4 * weightedJaccard(profile, storyProfile);
                    if (score > bestScore) {
                        bestScore = score;
                        best = s.getKey();
                    }
                }
                String story = best != null && bestScore >= 0.5 ? best : "s_" + f.id();
                members.computeIfAbsent(story, k -> new ArrayList<>()).add(f);
                out.put(f.id(), story);
            }
            return out;
        };
    }

    static Map<String, Double> normalised(Fixture f, Set<String> types) {
        Map<String, Double> p = new HashMap<>();
        double total = 0;
        for (var e : f.annotations().entities()) {
            if (types.contains(e.type())) {
                p.merge(e.id(), e.salience(), Double::sum);
                total += e.salience();
            }
        }
        double t = total;
        p.replaceAll((k, v) -> t == 0 ? 0 : v / t);
        return p;
    }

    static double weightedJaccard(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        double min = 0;
        double max = 0;
        for (String k : keys) {
            min += Math.min(a.getOrDefault(k, 0.0), b.getOrDefault(k, 0.0));
            max += Math.max(a.getOrDefault(k, 0.0), b.getOrDefault(k, 0.0));
        }
        return max == 0 ? 0 : min / max;
    }

    static Result evaluate(List<Fixture> articles, Method method) {
        Map<String, String> gold = new HashMap<>();
        articles.forEach(f -> gold.put(f.id(), f.story()));
        BCubed.Score chrono = BCubed.score(method.cluster(articles), gold);
        Random random = new Random(SEED);
        double sumF = 0;
        double sumP = 0;
        double sumR = 0;
        double min = 1;
        for (int i = 0; i < RANDOM_ORDERS; i++) {
            List<Fixture> shuffled = new ArrayList<>(articles);
            Collections.shuffle(shuffled, random);
            BCubed.Score s = BCubed.score(method.cluster(shuffled), gold);
            sumF += s.f1();
            sumP += s.precision();
            sumR += s.recall();
            min = Math.min(min, s.f1());
        }
        return new Result(chrono.f1(), chrono, sumF / RANDOM_ORDERS, min, sumP / RANDOM_ORDERS, sumR / RANDOM_ORDERS);
    }

    static void printConfusion(List<Fixture> articles, Map<String, String> predicted) {
        Map<String, Map<String, List<String>>> byGold = new java.util.TreeMap<>();
        for (Fixture f : articles) {
            byGold.computeIfAbsent(f.story(), k -> new java.util.TreeMap<>())
                    .computeIfAbsent(predicted.get(f.id()), k -> new ArrayList<>()).add(f.id());
        }
        Function<String, String> label = c -> c;
        byGold.forEach((story, clusters) -> System.out.printf("  %-20s %s%n", story, clusters.entrySet().stream()
                .map(e -> label.apply(e.getKey()) + "=" + e.getValue()).toList()));
    }
}
