package io.newslens.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

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

    TextIndex textIndex();

    /** The in-process Lucene index that answers article searches (ArticleTextIndex). */
    interface TextIndex {
        /** Off: every search runs on PostgreSQL full text, as before the index existed. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Where the index lives; a subdirectory per read-model database is made under it. Default: newslens-text-index
         * in the JVM's temporary directory. In Kubernetes an emptyDir: the index is rebuilt from PostgreSQL at start.
         */
        Optional<String> directory();

        /** How often the index polls the read model for new and removed articles. */
        @WithDefault("1S")
        Duration pollInterval();

        /** Threads that analyse articles while the index is built from an existing read model. */
        @WithDefault("2")
        int buildThreads();

        /**
         * Above this many matching articles, entity and source facet counts are estimated from this many of them,
         * spread evenly over the match (facets.sampledArticles says so); 0 counts every match exactly.
         */
        @WithDefault("50000")
        int facetSample();

        /** Lucene's in-memory buffer before it writes a segment. */
        @WithDefault("64")
        int ramBufferMb();
    }

    interface Semantic {
        /** Whether query-service embeds queries and keeps the in-process vector index. */
        @WithDefault("true")
        boolean enabled();

        /** Hits with cosine similarity below this are not returned. */
        @WithDefault("0.2")
        double minSimilarity();
    }
}
