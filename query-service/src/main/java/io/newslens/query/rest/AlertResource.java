package io.newslens.query.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.query.alerts.AlertDefinition;
import io.newslens.query.alerts.AlertDispatcher;
import io.newslens.query.alerts.SavedSearch;
import io.newslens.query.search.SearchRequest;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Saved searches ("alerts") per user, and a live stream of new matching articles. A user sees and touches
 * only their own: another user's alert answers 404, as if it did not exist.
 */
@Path("/api/v1/alerts")
@Tag(name = "Alerts")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class AlertResource {

    /** An alert as returned: its id and definition. */
    public record Alert(String id, String name, AlertDefinition query, Instant createdAt) {
    }

    @Inject
    SecurityIdentity identity;
    @Inject
    SearchRequests requests;
    @Inject
    AlertDispatcher dispatcher;
    @Inject
    ObjectMapper json;

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a search as an alert", description = "name plus the search parameters of GET /api/v1/articles "
            + "(q, entity[], type, source[], language).")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "invalid query syntax or parameter")
    public Response create(@Valid @NotNull(message = "a JSON body is required") AlertDefinition definition) {
        toRequest(definition);
        long owned = SavedSearch.count("owner", owner());
        if (owned >= 100) {
            throw ProblemException.unprocessable("at most 100 alerts per user", null);
        }
        SavedSearch s = new SavedSearch();
        s.id = "al_" + UUID.randomUUID().toString().replace("-", "");
        s.owner = owner();
        s.name = definition.name().strip();
        s.query = write(definition);
        s.createdAt = Instant.now();
        s.persist();
        return Response.created(URI.create("/api/v1/alerts/" + s.id)).entity(toAlert(s)).build();
    }

    @GET
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's alerts")
    public ListPage<Alert> list() {
        List<Alert> items = SavedSearch.ownedBy(owner()).stream().map(this::toAlert).toList();
        return new ListPage<>(items.size(), 1, items.size(), items);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One of the caller's alerts")
    @APIResponse(responseCode = "404", description = "no such alert of the caller")
    public Alert get(@PathParam("id") String id) {
        return toAlert(owned(id));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Delete one of the caller's alerts")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") String id) {
        SavedSearch s = owned(id);
        s.delete();
        dispatcher.forget(s.id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @io.smallrye.common.annotation.Blocking
    @Operation(summary = "Live stream of new articles matching the alert",
            description = "Server-Sent Events: one event per article that becomes searchable and matches, from now on.")
    public Multi<AlertDispatcher.AlertHit> stream(@PathParam("id") String id) {
        SavedSearch s = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> owned(id));
        return dispatcher.stream(s.id, toRequest(read(s.query)));
    }

    private SavedSearch owned(String id) {
        return SavedSearch.findOwned(Params.id("id", id), owner())
                .orElseThrow(() -> ProblemException.notFound("no alert with id " + id));
    }

    private SearchRequest toRequest(AlertDefinition d) {
        if (d.q() == null && (d.entity() == null || d.entity().isEmpty()) && d.type() == null
                && (d.source() == null || d.source().isEmpty()) && d.language() == null) {
            throw ProblemException.unprocessable("an alert needs q or at least one filter", "q");
        }
        return requests.of(d.q(), d.entity(), d.type(), d.source(), d.language(), null, null, "date", 1, 1, null);
    }

    private Alert toAlert(SavedSearch s) {
        return new Alert(s.id, s.name, read(s.query), s.createdAt);
    }

    private String owner() {
        return identity.getPrincipal().getName();
    }

    private String write(AlertDefinition d) {
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AlertDefinition read(String stored) {
        try {
            return json.readValue(stored, AlertDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert is unreadable", e);
        }
    }
}
