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

    /** Articles published further than this from a story's time span never join it. */
    @WithDefault("P3D")
    Duration window();

    /** Similarity (0..1) at which an article joins the most similar story. */
    @WithDefault("0.45")
    double joinThreshold();

    /** Similarity (0..1) at which two stories within the window are merged into one. */
    @WithDefault("0.55")
    double mergeThreshold();

    /** Weight of embedding similarity against entity-profile similarity. */
    @WithDefault("0.6")
    double embeddingWeight();

    /** Subtracted from the similarity when article and story say their event happens at different places. */
    @WithDefault("0.2")
    double placePenalty();

    /** How many candidate stories, found through shared entities, an article is compared with at most. */
    @WithDefault("300")
    int maxCandidates();

    default StoryClusterer.Settings settings() {
        return new StoryClusterer.Settings(window(), joinThreshold(), mergeThreshold(), embeddingWeight(), placePenalty());
    }
}
