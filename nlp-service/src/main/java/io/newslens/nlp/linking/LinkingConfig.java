package io.newslens.nlp.linking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Entity linking and the entity registry, under {@code newslens.linking}. */
@ConfigMapping(prefix = "newslens.linking")
public interface LinkingConfig {

    /** Whether to link entities to Wikipedia at all (the registry works either way). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Where the linking index lives (built once per dictionary and reused; share it between replicas on one
     * volume). Default: {@code ~/.cache/newslens/linking}.
     */
    Optional<String> indexDir();

    /**
     * What to do when the index is missing: {@code background} builds it in a low-priority thread while the service
     * runs (entities get local ids meanwhile), {@code blocking} builds it before the first resolution (tests, batch
     * jobs), {@code off} never builds (run {@code io.newslens.nlp.tools.BuildLinkingIndex} instead).
     */
    @WithDefault("background")
    BuildMode build();

    /** An alias dictionary file to use instead of the one in CoreNLP's models-english-kbp jar. */
    Optional<String> dictionary();

    /** Smallest share of the link decision the best title must win to be linked (0..1); higher links less. */
    @WithDefault("0.45")
    double minConfidence();

    /** How many resolved names each replica keeps in memory to skip the database. */
    @WithDefault("20000")
    int cacheSize();

    enum BuildMode {
        BACKGROUND, BLOCKING, OFF
    }
}
