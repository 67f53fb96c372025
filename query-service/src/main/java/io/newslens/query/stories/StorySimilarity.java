package io.newslens.query.stories;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * How alike an article and a story (or two stories) are, 0..1: a weighted sum of the cosine between embeddings
 * (the story's centroid) and the cosine between entity profiles, where each entity counts by its salience times
 * its inverse document frequency, so that "United States" or "China" weigh little and "Li Shangfu" or "FNV Havens"
 * much. Either part alone stands in when the other is missing on one side. When both sides say where their event
 * happens and name no place in common ({@link EventPlaces}), the score drops by the place penalty: the same minister
 * in Minsk is another event than the same minister in Moscow, however alike the wording.
 */
public final class StorySimilarity {

    /** Inverse document frequency of an entity (never negative). */
    @FunctionalInterface
    public interface Idf {
        double of(String entityId);
    }

    private final double embeddingWeight;
    private final double placePenalty;

    public StorySimilarity(double embeddingWeight, double placePenalty) {
        if (embeddingWeight < 0 || embeddingWeight > 1) {
            throw new IllegalArgumentException("embedding weight must be within 0..1");
        }
        this.embeddingWeight = embeddingWeight;
        this.placePenalty = placePenalty;
    }

    public double score(ArticleProfile a, StoryProfile s, Idf idf) {
        double score = combine(cosine(a.embedding(), s.embeddingSum()), entityCosine(a.entities(), s.entityWeights(), idf));
        return placesConflict(a.places(), a.names(), s.places().keySet(), s.names())
                ? score - placePenalty : score;
    }

    public double score(StoryProfile a, StoryProfile b, Idf idf) {
        double score = combine(cosine(a.embeddingSum(), b.embeddingSum()),
                entityCosine(a.entityWeights(), b.entityWeights(), idf));
        return placesConflict(a.places().keySet(), a.names(), b.places().keySet(), b.names()) ? score - placePenalty : score;
    }

    /**
     * Both sides say where their event happens, and one side never mentions any of the other's places. Mentions
     * anywhere in the text count, which lets a region, its towns and its country go together ("Peru", "Arequipa",
     * "Chala") without a gazetteer: reports of one event mention each other's places somewhere. Names are compared
     * by {@link PlaceNames#anyNamed} ("Hamburg" names "Port of Hamburg").
     */
    public static boolean placesConflict(Set<String> aPlaces, Set<String> aNames, Set<String> bPlaces, Set<String> bNames) {
        if (aPlaces.isEmpty() || bPlaces.isEmpty()) {
            return false;
        }
        return !PlaceNames.anyNamed(aPlaces, bNames) || !PlaceNames.anyNamed(bPlaces, aNames);
    }

    private double combine(double embedding, double entities) {
        if (Double.isNaN(embedding) && Double.isNaN(entities)) {
            return 0;
        }
        if (Double.isNaN(embedding)) {
            return entities;
        }
        if (Double.isNaN(entities)) {
            return embedding;
        }
        return embeddingWeight * embedding + (1 - embeddingWeight) * entities;
    }

    /** Cosine of two vectors of any length (sums or unit vectors), clipped at 0; NaN when either is missing or zero. */
    public static double cosine(float[] a, float[] b) {
        if (a == null || b == null || a.length != b.length) {
            return Double.NaN;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        if (na == 0 || nb == 0) {
            return Double.NaN;
        }
        return Math.max(0, dot / Math.sqrt(na * nb));
    }

    /** Cosine of two idf-weighted entity profiles; NaN when either is empty. */
    public static double entityCosine(Map<String, Double> a, Map<String, Double> b, Idf idf) {
        if (a.isEmpty() || b.isEmpty()) {
            return Double.NaN;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            double w = idf.of(e.getKey());
            double x = e.getValue() * w;
            na += x * x;
            Double y = b.get(e.getKey());
            if (y != null) {
                dot += x * y * w;
            }
        }
        for (Map.Entry<String, Double> e : b.entrySet()) {
            double y = e.getValue() * idf.of(e.getKey());
            nb += y * y;
        }
        if (na == 0 || nb == 0) {
            return Double.NaN;
        }
        return dot / Math.sqrt(na * nb);
    }

    /** Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1. */
    public static double idf(long documents, long documentFrequency) {
        return Math.log((1.0 + Math.max(documents, documentFrequency)) / (1.0 + Math.max(0, documentFrequency))) + 1;
    }

    /** Whether a time lies within {@code window} of a story's span. */
    public static boolean within(Instant t, StoryProfile s, Duration window) {
        return s.first() == null || t == null
                || !t.isBefore(s.first().minus(window)) && !t.isAfter(s.last().plus(window));
    }

    /** Whether two stories' spans come within {@code window} of each other. */
    public static boolean within(StoryProfile a, StoryProfile b, Duration window) {
        return a.first() == null || b.first() == null
                || !a.last().plus(window).isBefore(b.first()) && !b.last().plus(window).isBefore(a.first());
    }
}
