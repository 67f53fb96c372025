package io.newslens.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A takedown: every consumer forgets the article. Travels on the article topics with the article id
 * as key, so compaction and replay keep the removal after the original event.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleRemoved(int schemaVersion, String id, Instant removedAt, String removedBy, String reason) {

    public static final int SCHEMA_VERSION = 1;
    public static final String EVENT_TYPE = "ArticleRemoved.v1";
}
