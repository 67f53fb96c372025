package io.newslens.query.rest;

import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.query.config.QueryConfig;
import io.newslens.query.stories.StoryQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stories: the same event across outlets, and the points where the outlets disagree. */
@Path("/api/v1/stories")
@Tag(name = "Stories")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class StoryResource {

    @Inject
    StoryQueries stories;
    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "List stories, latest first",
            description = "Stories ordered by their latest article; optionally only those with an article mentioning an "
                    + "entity, and only those whose time span overlaps from..to.")
    @APIResponse(responseCode = "400", description = "a bad entity id, date or page")
    public ListPage<StoryQueries.StorySummary> list(
            @Parameter(description = "entity id mentioned in the story") @QueryParam("entity") String entity,
            @Parameter(description = "ISO-8601 date or date-time; stories still running at or after it")
            @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 date (inclusive) or date-time; stories begun before it")
            @QueryParam("to") String to,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Instant f = Params.instant("from", from, false);
        Instant t = Params.instant("to", to, true);
        Params.range(f, t);
        return stories.list(entity == null || entity.isBlank() ? null : Params.id("entity", entity.strip()), f, t,
                Params.page(page), Params.size(size, config.defaultPageSize(), config.maxPageSize()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One story across outlets",
            description = "Its articles, outlets with article counts, time span, key entities, the events of its articles "
                    + "as one timeline, and the disagreements: points (numbers, durations, dates, equipment, "
                    + "organisations, who said a quote) where outlets state different facts, each side with its value, "
                    + "outlets, article ids and sentences.")
    @APIResponse(responseCode = "404", description = "no such story")
    public StoryQueries.Story story(@PathParam("id") String id) {
        return stories.find(Params.id("id", id)).orElseThrow(() -> ProblemException.notFound("no story with id " + id));
    }
}
