package io.newslens.query.search;

import java.time.Instant;
import java.util.List;

/**
 * A validated article search.
 *
 * @param query the parsed query, or null to list by filters only
 * @param entities entity ids an article must all mention
 * @param entityType an entity type the article must mention at least once
 * @param sources outlet names (any of)
 * @param from inclusive lower bound of the publication time
 * @param to exclusive upper bound of the publication time
 * @param sort "relevance" or "date"
 * @param cursor an opaque position from a previous page's nextCursor, or null
 */
public record SearchRequest(String rawQuery, SearchQuery.Node query, List<String> entities, String entityType,
        List<String> sources, String language, Instant from, Instant to, String sort, int page, int size, Cursor cursor) {

    /** A keyset position: the last hit's sort value and id. */
    public record Cursor(String sort, double rank, Instant time, String id) {
    }

    public boolean byRelevance() {
        return "relevance".equals(sort);
    }
}
