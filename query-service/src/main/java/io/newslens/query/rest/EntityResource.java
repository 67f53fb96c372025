package io.newslens.query.rest;

import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.query.config.QueryConfig;
import io.newslens.query.service.EntityQueries;
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

/** Entities: lookup by name or alias, profiles and co-mention networks. */
@Path("/api/v1/entities")
@Tag(name = "Entities")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {

    @Inject
    EntityQueries entities;
    @Inject
    QueryConfig config;

    @GET
    @Operation(summary = "Find entities by name or alias prefix",
            description = "Matches the start of any word of any name the entity went by (\"shoig\" finds Sergey Shoigu "
                    + "also written Sergei Shoigu), case and accents ignored; most mentioned first.")
    public ListPage<EntityQueries.EntitySummary> find(
            @Parameter(description = "name or alias prefix") @QueryParam("q") String q,
            @Parameter(description = "PERSON, ORGANIZATION, LOCATION, DATE, EQUIPMENT or MISC") @QueryParam("type") String type,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (q != null && q.length() > 200) {
            throw ProblemException.badRequest("q is longer than 200 characters", "q");
        }
        return entities.find(q, Params.entityType(type), Params.page(page),
                Params.size(size, config.defaultPageSize(), config.maxPageSize()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One entity's profile",
            description = "Canonical name, type, aliases, Wikipedia link, article and mention counts, first and last seen, "
                    + "mentions per day, top co-mentioned entities, sources, and the latest quotes by the entity.")
    @APIResponse(responseCode = "404", description = "no such entity")
    public EntityQueries.Profile profile(@PathParam("id") String id) {
        return entities.profile(Params.id("id", id)).orElseThrow(() -> ProblemException.notFound("no entity with id " + id));
    }

    @GET
    @Path("/{id}/network")
    @Operation(summary = "The co-mention graph around an entity",
            description = "Nodes (the entity, its strongest co-mentioned entities and, at depth 2, theirs) and edges "
                    + "weighted by the number of articles mentioning both ends.")
    @APIResponse(responseCode = "404", description = "no such entity")
    public EntityQueries.Network network(@PathParam("id") String id,
            @Parameter(description = "1 or 2") @QueryParam("depth") Integer depth,
            @Parameter(description = "most nodes returned, 2 to 200 (default 30)") @QueryParam("limit") Integer limit,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        int d = depth == null ? 1 : depth;
        if (d < 1 || d > 2) {
            throw ProblemException.badRequest("depth must be 1 or 2", "depth");
        }
        int l = limit == null ? 30 : limit;
        if (l < 2 || l > 200) {
            throw ProblemException.badRequest("limit must be between 2 and 200", "limit");
        }
        Instant f = Params.instant("from", from, false);
        Instant t = Params.instant("to", to, true);
        Params.range(f, t);
        return entities.network(Params.id("id", id), d, l, f, t)
                .orElseThrow(() -> ProblemException.notFound("no entity with id " + id));
    }
}
