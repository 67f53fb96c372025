package io.newslens.query.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.query.search.SearchResult;
import io.newslens.query.search.SearchService;
import io.newslens.query.service.ArticleReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Article search and one article with its annotations. */
@Path("/api/v1/articles")
@Tag(name = "Search")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ArticleQueryResource {

    @Inject
    SearchService search;
    @Inject
    ArticleReader articles;
    @Inject
    SearchRequests requests;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search articles",
            description = "Words, \"phrases\", AND/OR/NOT (or -word), prefix* and parentheses in q; filters by entity id "
                    + "(repeatable, all must match), entity type, source (repeatable, any), language and publication "
                    + "date range; sort by relevance or date; page/size or a cursor for deep paging. Hits carry "
                    + "HTML-escaped snippets with <mark> highlights; facets give top entities per type, sources and a "
                    + "date histogram over the whole matching set.")
    @APIResponse(responseCode = "200", description = "hits and facets")
    @APIResponse(responseCode = "400", description = "invalid query syntax or parameter")
    public SearchResult search(
            @Parameter(description = "query: words, \"phrases\", AND, OR, NOT, -word, prefix*, ( )") @QueryParam("q") String q,
            @Parameter(description = "entity id; repeat to require several") @QueryParam("entity") List<String> entity,
            @Parameter(description = "entity type the article mentions: PERSON, ORGANIZATION, LOCATION, DATE, EQUIPMENT, MISC")
            @QueryParam("type") String type,
            @Parameter(description = "outlet name; repeat for any of several") @QueryParam("source") List<String> source,
            @Parameter(description = "ISO 639-1 language") @QueryParam("language") String language,
            @Parameter(description = "published on or after (date or date-time)") @QueryParam("from") String from,
            @Parameter(description = "published before; a date includes that whole day") @QueryParam("to") String to,
            @Parameter(description = "relevance (default with q) or date (default without q)") @QueryParam("sort") String sort,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "false to skip facets") @QueryParam("facets") Boolean facets) {
        return search.search(requests.of(q, entity, type, source, language, from, to, sort, page, size, cursor),
                facets == null || facets);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One article with its annotations",
            description = "id, url, title, source, publishedAt, language, text (the cleaned text the offsets refer to), "
                    + "annotations (mentions, entities, temporals, quotes, events, keyphrases, sentiment) and storyId.")
    @APIResponse(responseCode = "404", description = "no such article")
    public JsonNode article(@PathParam("id") String id) {
        return articles.find(Params.id("id", id))
                .orElseThrow(() -> ProblemException.notFound("no article with id " + id));
    }
}
