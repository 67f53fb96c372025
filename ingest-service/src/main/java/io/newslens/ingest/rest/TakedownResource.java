package io.newslens.ingest.rest;

import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.ingest.model.TakedownAudit;
import io.newslens.ingest.service.Takedowns;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Publisher takedowns: an article removed everywhere, with an audit record (role admin). */
@Path("/api/v1/articles/{id}")
@Tag(name = "Administration")
public class TakedownResource {

    @Inject
    Takedowns takedowns;
    @Inject
    SecurityIdentity identity;

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take an article down everywhere",
            description = "Deletes the stored article and its pending outbox rows, sends a removal through Kafka so that "
                    + "annotations and read-model rows go too (and stay gone on replay), and records an audit entry.")
    @APIResponse(responseCode = "200", description = "removed; the audit record")
    @APIResponse(responseCode = "404", description = "no such article")
    public AdminResource.Takedown takeDown(@PathParam("id") String id, @QueryParam("reason") String reason) {
        if (reason != null && reason.length() > 2000) {
            throw ProblemException.badRequest("reason must be at most 2000 characters", "reason");
        }
        TakedownAudit audit = takedowns.takeDown(id, identity.getPrincipal().getName(), reason);
        takedowns.afterCommit();
        return AdminResource.Takedown.of(audit);
    }
}
