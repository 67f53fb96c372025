package io.newslens.query.rest;

import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.query.config.QueryConfig;
import io.newslens.query.service.QuoteEventQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Quotes by speaker and/or words. */
@Path("/api/v1/quotes")
@Tag(name = "Quotes and events")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class QuoteResource {

    @Inject
    QuoteEventQueries queries;
    @Inject
    QueryConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find quotes", description = "By speaker entity id and/or words in the quote (web search syntax), "
            + "in a publication date range; newest first.")
    public ListPage<QuoteEventQueries.QuoteHit> quotes(
            @Parameter(description = "speaker entity id") @QueryParam("speaker") String speaker,
            @Parameter(description = "words in the quote") @QueryParam("q") String q,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (q != null && q.length() > config.maxQueryLength()) {
            throw ProblemException.badRequest("q is longer than " + config.maxQueryLength() + " characters", "q");
        }
        Instant f = Params.instant("from", from, false);
        Instant t = Params.instant("to", to, true);
        Params.range(f, t);
        return queries.quotes(speaker == null || speaker.isBlank() ? null : Params.id("speaker", speaker.strip()),
                q == null || q.isBlank() ? null : q.strip(), f, t, Params.page(page),
                Params.size(size, config.defaultPageSize(), config.maxPageSize()));
    }
}
