package io.newslens.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of query-service, under {@code newslens.query}. */
@ConfigMapping(prefix = "newslens.query")
public interface QueryConfig {

    /** Largest page a list endpoint returns; larger requests are a 400. */
    @WithDefault("100")
    int maxPageSize();

    @WithDefault("20")
    int defaultPageSize();

    /** Longest accepted search query, in characters. */
    @WithDefault("500")
    int maxQueryLength();

    /** How long one search statement may run before it is cancelled (resource limit). */
    @WithDefault("10S")
    Duration statementTimeout();

    Semantic semantic();

    interface Semantic {
        /** Whether query-service embeds queries and keeps the in-process vector index. */
        @WithDefault("true")
        boolean enabled();

        /** Hits with cosine similarity below this are not returned. */
        @WithDefault("0.2")
        double minSimilarity();
    }
}
