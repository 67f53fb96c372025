package io.newslens.query.stories;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The aggregate a story is compared by: the sum of its members' embeddings (its direction is the centroid), the summed
 * salience of each entity over its members, its time span and size. Sums, not averages, so that adding an article or
 * merging two stories is exact and order does not matter.
 */
public final class StoryProfile {

    private final String id;
    private Instant first;
    private Instant last;
    private int size;
    private float[] embeddingSum;
    private final Map<String, Double> entityWeights = new TreeMap<>();
    private final Map<String, Integer> places = new TreeMap<>();
    private final Set<String> names = new TreeSet<>();

    public StoryProfile(String id) {
        this.id = id;
    }

    /** A story as stored: its normalised centroid stands in for the embedding sum (same direction). */
    public static StoryProfile stored(String id, Instant first, Instant last, int size, float[] centroid,
            Map<String, Double> entityWeights, Map<String, Integer> places, Set<String> names) {
        StoryProfile s = new StoryProfile(id);
        s.first = first;
        s.last = last;
        s.size = size;
        s.embeddingSum = centroid == null ? null : centroid.clone();
        s.entityWeights.putAll(entityWeights);
        s.places.putAll(places);
        s.names.addAll(names);
        return s;
    }

    public StoryProfile add(ArticleProfile a) {
        size++;
        extend(a.time(), a.time());
        if (a.embedding() != null) {
            if (embeddingSum == null) {
                embeddingSum = new float[a.embedding().length];
            }
            if (embeddingSum.length == a.embedding().length) {
                for (int i = 0; i < embeddingSum.length; i++) {
                    embeddingSum[i] += a.embedding()[i];
                }
            }
        }
        a.entities().forEach((k, v) -> entityWeights.merge(k, v, Double::sum));
        a.places().forEach(p -> places.merge(p, 1, Integer::sum));
        names.addAll(a.names());
        return this;
    }

    /** Takes in every member of another story. */
    public StoryProfile absorb(StoryProfile other) {
        size += other.size;
        if (other.first != null) {
            extend(other.first, other.last);
        }
        if (other.embeddingSum != null) {
            if (embeddingSum == null) {
                embeddingSum = other.embeddingSum.clone();
            } else if (embeddingSum.length == other.embeddingSum.length) {
                for (int i = 0; i < embeddingSum.length; i++) {
                    embeddingSum[i] += other.embeddingSum[i];
                }
            }
        }
        other.entityWeights.forEach((k, v) -> entityWeights.merge(k, v, Double::sum));
        other.places.forEach((k, v) -> places.merge(k, v, Integer::sum));
        names.addAll(other.names);
        return this;
    }

    private void extend(Instant from, Instant to) {
        if (from == null) {
            return;
        }
        first = first == null || from.isBefore(first) ? from : first;
        last = last == null || to.isAfter(last) ? to : last;
    }

    public String id() {
        return id;
    }

    public Instant first() {
        return first;
    }

    public Instant last() {
        return last;
    }

    public int size() {
        return size;
    }

    /** The sum of member embeddings, or null when no member had one. */
    public float[] embeddingSum() {
        return embeddingSum;
    }

    public Map<String, Double> entityWeights() {
        return entityWeights;
    }

    /** Place name key to the number of members that name it as where the event happens. */
    public Map<String, Integer> places() {
        return places;
    }

    /** Name keys of every entity its members mention. */
    public Set<String> names() {
        return names;
    }
}
