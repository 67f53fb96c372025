package io.newslens.query.rest;

import io.newslens.commons.problem.ProblemException;
import io.newslens.query.config.QueryConfig;
import io.newslens.query.search.SearchQuery;
import io.newslens.query.search.SearchRequest;
import io.newslens.query.search.SearchService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Builds validated searches from request parameters (shared by search, export and alerts). */
@ApplicationScoped
public class SearchRequests {

    @Inject
    QueryConfig config;

    public SearchRequest of(String q, List<String> entity, String type, List<String> source, String language, String from,
            String to, String sort, Integer page, Integer size, String cursor) {
        return of(q, entity, type, source, language, from, to, sort, page, size, cursor, config.maxPageSize());
    }

    public SearchRequest of(String q, List<String> entity, String type, List<String> source, String language, String from,
            String to, String sort, Integer page, Integer size, String cursor, int maxSize) {

        SearchQuery.Node query = null;
        if (q != null && !q.isBlank()) {
            if (q.length() > config.maxQueryLength()) {
                throw ProblemException.badRequest("q is longer than " + config.maxQueryLength() + " characters", "q");
            }
            try {
                query = SearchQuery.parse(q);
            } catch (SearchQuery.SyntaxException e) {
                throw ProblemException.badRequest("invalid query: " + e.getMessage(), "q");
            }
        }
        List<String> entities = entity == null ? List.of() : entity.stream().filter(e -> e != null && !e.isBlank())
                .map(e -> Params.id("entity", e.strip())).distinct().toList();
        if (entities.size() > 10) {
            throw ProblemException.badRequest("at most 10 entity filters", "entity");
        }
        List<String> sources = source == null ? List.of() : source.stream().filter(s -> s != null && !s.isBlank())
                .map(String::strip).distinct().toList();
        if (sources.size() > 50) {
            throw ProblemException.badRequest("at most 50 source filters", "source");
        }
        Instant fromInstant = Params.instant("from", from, false);
        Instant toInstant = Params.instant("to", to, true);
        Params.range(fromInstant, toInstant);
        String sortBy = Params.oneOf("sort", sort, List.of("relevance", "date"), query != null ? "relevance" : "date");
        SearchRequest.Cursor decoded = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                decoded = SearchService.decodeCursor(cursor.strip());
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("cursor is not one this API returned", "cursor");
            }
            if (!decoded.sort().equals(query == null ? "date" : sortBy)) {
                throw ProblemException.badRequest("cursor belongs to a search with another sort order", "cursor");
            }
        }
        return new SearchRequest(q, query, entities, Params.entityType(type), sources, Params.language(language), fromInstant,
                toInstant, sortBy, Params.page(page), Params.size(size, config.defaultPageSize(), maxSize), decoded);
    }

}
