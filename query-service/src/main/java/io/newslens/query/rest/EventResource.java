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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Extracted events by type, participant and time. */
@Path("/api/v1/events")
@Tag(name = "Quotes and events")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class EventResource {

    @Inject
    QuoteEventQueries queries;
    @Inject
    QueryConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find events", description = "Typed events (MEETING, VISIT, TALKS, STATEMENT, SANCTIONS, "
            + "ARMS_TRANSFER, MILITARY_EXERCISE, ...) with participants, place, time and the evidence sentence.")
    public ListPage<QuoteEventQueries.EventHit> events(
            @Parameter(description = "event type") @QueryParam("type") String type,
            @Parameter(description = "participant or place entity id") @QueryParam("entity") String entity,
            @Parameter(description = "events on or after this date") @QueryParam("from") String from,
            @Parameter(description = "events before this date (a date includes that day)") @QueryParam("to") String to,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        String t = null;
        if (type != null && !type.isBlank()) {
            t = type.strip().toUpperCase(Locale.ROOT);
            if (!t.matches("[A-Z_]{2,32}")) {
                throw ProblemException.badRequest("type must be an event type such as MEETING", "type");
            }
        }
        Instant f = Params.instant("from", from, false);
        Instant to2 = Params.instant("to", to, true);
        Params.range(f, to2);
        return queries.events(t, entity == null || entity.isBlank() ? null : Params.id("entity", entity.strip()), f, to2,
                Params.page(page), Params.size(size, config.defaultPageSize(), config.maxPageSize()));
    }
}
