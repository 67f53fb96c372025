package io.newslens.query.stories;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Incremental story clustering in memory, article by article, with the same decisions {@link StoryAssigner} takes
 * against the database: an article joins the most similar story within the time window when the similarity reaches
 * the join threshold, else it starts a story; then the story it landed in absorbs every story within the window whose
 * similarity to it reaches the merge threshold (so a bridging article can join two halves of an event that arrived
 * in an unlucky order). Ties go to the older story, then the smaller id: the result depends only on the input order.
 * Used by the evaluation and the tests; not thread-safe.
 */
public final class StoryClusterer {

    /** The tuning knobs, the same ones {@link StoryConfig} gives the service. */
    public record Settings(Duration window, double joinThreshold, double mergeThreshold, double embeddingWeight,
            double placePenalty) {
    }

    private final Settings settings;
    private final StorySimilarity similarity;
    private final StorySimilarity.Idf idf;
    private final Map<String, StoryProfile> stories = new TreeMap<>();
    private final Map<String, List<String>> members = new TreeMap<>();
    private final Map<String, String> storyOf = new LinkedHashMap<>();
    private int merges;

    public StoryClusterer(Settings settings, StorySimilarity.Idf idf) {
        this.settings = settings;
        this.similarity = new StorySimilarity(settings.embeddingWeight(), settings.placePenalty());
        this.idf = idf;
    }

    /** Assigns an article and returns its story id. */
    public String add(ArticleProfile a) {
        StoryProfile best = null;
        double bestScore = -1;
        for (StoryProfile s : ordered()) {
            if (!StorySimilarity.within(a.time(), s, settings.window())) {
                continue;
            }
            double score = similarity.score(a, s, idf);
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
        }
        StoryProfile target;
        if (best != null && bestScore >= settings.joinThreshold()) {
            target = best;
        } else {
            target = new StoryProfile("s_" + a.id());
            stories.put(target.id(), target);
            members.put(target.id(), new ArrayList<>());
        }
        target.add(a);
        members.get(target.id()).add(a.id());
        storyOf.put(a.id(), target.id());
        return mergeAround(target).id();
    }

    /** Merges every story within the window that is similar enough into {@code s}, until none is left. */
    private StoryProfile mergeAround(StoryProfile s) {
        boolean merged = true;
        while (merged) {
            merged = false;
            for (StoryProfile other : ordered()) {
                if (other == s || !StorySimilarity.within(s, other, settings.window())) {
                    continue;
                }
                if (similarity.score(s, other, idf) >= settings.mergeThreshold()) {
                    s = merge(s, other);
                    merged = true;
                    break;
                }
            }
        }
        return s;
    }

    private StoryProfile merge(StoryProfile a, StoryProfile b) {
        StoryProfile survivor = OLDER_FIRST.compare(a, b) <= 0 ? a : b;
        StoryProfile gone = survivor == a ? b : a;
        survivor.absorb(gone);
        stories.remove(gone.id());
        List<String> moved = members.remove(gone.id());
        members.get(survivor.id()).addAll(moved);
        for (String article : moved) {
            storyOf.put(article, survivor.id());
        }
        merges++;
        return survivor;
    }

    /** The older story first (by first publication), then the smaller id: who survives a merge. */
    public static final Comparator<StoryProfile> OLDER_FIRST = Comparator
            .comparing(StoryProfile::first, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(StoryProfile::id);

    private List<StoryProfile> ordered() {
        List<StoryProfile> list = new ArrayList<>(stories.values());
        list.sort(OLDER_FIRST);
        return list;
    }

    /** Article id to story id, for every article added. */
    public Map<String, String> assignments() {
        return Map.copyOf(storyOf);
    }

    public int merges() {
        return merges;
    }

    public int storyCount() {
        return stories.size();
    }
}
