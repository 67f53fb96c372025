package io.newslens.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** query-service's confirmation that an article (at a pipeline version) is searchable. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleIndexed(int schemaVersion, String id, String pipelineVersion, String storyId,
        Instant annotatedAt, Instant indexedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String EVENT_TYPE = "ArticleIndexed.v1";
}
