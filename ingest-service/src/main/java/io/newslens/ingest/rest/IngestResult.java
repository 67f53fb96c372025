package io.newslens.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to one submitted article.
 *
 * @param status {@code accepted} (new, 202), {@code duplicate} (already stored: the existing id, 200)
 * @param nearDuplicateOf the article this one nearly repeats (stored anyway, flagged)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "IngestResult")
public record IngestResult(String id, String status, String statusUrl, String duplicateOf, String nearDuplicateOf,
        Double similarity, String title, String language, String publishedAt) {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";

    public boolean accepted() {
        return ACCEPTED.equals(status);
    }
}
