package io.newslens.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * An article with its NLP annotations. Carries the article itself too, so the read model needs
 * nothing from ingest-service's database. Schema version 1, additive changes only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleAnnotated(
        int schemaVersion,
        String id,
        String pipelineVersion,
        String url,
        SourceRef source,
        String title,
        String byline,
        Instant publishedAt,
        String language,
        String text,
        String textHash,
        Instant ingestedAt,
        String duplicateOf,
        Instant annotatedAt,
        long processingMillis,
        Annotations annotations) {

    public static final int SCHEMA_VERSION = 1;
    public static final String EVENT_TYPE = "ArticleAnnotated.v1";
}
