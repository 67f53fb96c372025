package io.newslens.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * An article stored by ingest-service, ready for tagging. Schema version 1; within a version only
 * additive changes are allowed, which is why unknown properties are ignored on read.
 *
 * @param text the cleaned text that every annotation offset refers to
 * @param textHash SHA-256 of the normalised text, hex
 * @param duplicateOf the id of the article this one nearly duplicates, or null
 * @param requestedAt when this emission was requested (differs from ingestedAt for re-tagging)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleIngested(
        int schemaVersion,
        String id,
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
        Instant requestedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String EVENT_TYPE = "ArticleIngested.v1";
}
