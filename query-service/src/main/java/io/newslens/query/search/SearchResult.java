package io.newslens.query.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Search hits with facets. Field names are fixed for clients (see ARCHITECTURE.md). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(long total, int page, int size, String nextCursor, List<Hit> hits, Facets facets) {

    /** @param snippet HTML-escaped text with matches in {@code <mark>} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String id, String title, String source, String sourceDomain, String url, String publishedAt,
            String language, String snippet, String storyId, Double score, List<EntityRef> entities) {
    }

    public record EntityRef(String id, String name, String type) {
    }

    /**
     * @param entities top entities per type with the number of matching articles mentioning each
     * @param dateInterval day, week or month: the width of each {@code dates} bucket
     * @param sampledArticles when the match is larger than the facet sample, the entity and source counts are
     *        estimated from this many matching articles spread evenly over the match (scaled to the total); absent
     *        when every count is exact. Totals and dates are always exact.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Facets(Map<String, List<EntityCount>> entities, List<SourceCount> sources, List<DateCount> dates,
            String dateInterval, Long sampledArticles) {

        public Facets(Map<String, List<EntityCount>> entities, List<SourceCount> sources, List<DateCount> dates,
                String dateInterval) {
            this(entities, sources, dates, dateInterval, null);
        }
    }

    public record EntityCount(String id, String name, long count) {
    }

    public record SourceCount(String name, long count) {
    }

    public record DateCount(String date, long count) {
    }
}
