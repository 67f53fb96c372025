package io.newslens.query.stories;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Story clustering and story analysis, under {@code newslens.stories}. The defaults were tuned on the tuning half of
 * the labelled story set and checked on the held-out half (docs/stories.md).
 */
@ConfigMapping(prefix = "newslens.stories")
public interface StoryConfig {

    String WINDOW = "P3D";
    String JOIN_THRESHOLD = "0.5";
    String MERGE_THRESHOLD = "0.6";
    String EMBEDDING_WEIGHT = "0.6";
    String PLACE_PENALTY = "0.2";

    /** The settings the service runs with when nothing is configured (what the evaluation test scores). */
    static StoryClusterer.Settings defaults() {
        return new StoryClusterer.Settings(Duration.parse(WINDOW), Double.parseDouble(JOIN_THRESHOLD),
                Double.parseDouble(MERGE_THRESHOLD), Double.parseDouble(EMBEDDING_WEIGHT), Double.parseDouble(PLACE_PENALTY));
    }

    /** Articles published further than this from a story's time span never join it. */
    @WithDefault(WINDOW)
    Duration window();

    /** Similarity (0..1) at which an article joins the most similar story. */
    @WithDefault(JOIN_THRESHOLD)
    double joinThreshold();

    /** Similarity (0..1) at which two stories within the window are merged into one. */
    @WithDefault(MERGE_THRESHOLD)
    double mergeThreshold();

    /** Weight of embedding similarity against entity-profile similarity. */
    @WithDefault(EMBEDDING_WEIGHT)
    double embeddingWeight();

    /** Subtracted from the similarity when article and story say their event happens at different places. */
    @WithDefault(PLACE_PENALTY)
    double placePenalty();

    /** How many candidate stories, found through shared entities, an article is compared with at most. */
    @WithDefault("300")
    int maxCandidates();

    default StoryClusterer.Settings settings() {
        return new StoryClusterer.Settings(window(), joinThreshold(), mergeThreshold(), embeddingWeight(), placePenalty());
    }
}
