package io.newslens.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.ingest.model.ReprocessJob;
import io.newslens.ingest.model.TakedownAudit;
import io.newslens.ingest.service.PublicationDates;
import io.newslens.ingest.service.Reprocessing;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administration: takedowns and re-tagging (role admin). */
@Path("/api/v1")
@Tag(name = "Administration")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    /** @param from publication dates on or after (ISO date or date-time); both null means every article */
    public record ReprocessRequest(String from, String to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReprocessStatus(long id, String state, int total, int queued, double progress, String requestedBy,
            Instant from, Instant to, Instant createdAt, Instant finishedAt) {
        static ReprocessStatus of(ReprocessJob j) {
            return new ReprocessStatus(j.id, j.state, j.total, j.queued, j.total == 0 ? 1.0 : Math.round(j.queued * 1000.0 / j.total) / 1000.0,
                    j.requestedBy, j.rangeFrom, j.rangeTo, j.createdAt, j.finishedAt);
        }
    }

    public record Takedown(String articleId, String url, String title, String removedBy, String reason, Instant removedAt) {
        public static Takedown of(TakedownAudit a) {
            return new Takedown(a.articleId, a.url, a.title, a.removedBy, a.reason, a.removedAt);
        }
    }

    @Inject
    Reprocessing reprocessing;
    @Inject
    PublicationDates dates;
    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/admin/takedowns")
    @Transactional
    @Operation(summary = "The latest takedowns (audit log)")
    public List<Takedown> takedowns() {
        return TakedownAudit.latest(200).stream().map(Takedown::of).toList();
    }

    @POST
    @Path("/admin/reprocess")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-tag stored articles", description = "All articles, or those published in [from, to). The "
            + "articles are re-published to the NLP pipeline; progress at the returned status URL.")
    @APIResponse(responseCode = "202", description = "the job")
    public Response reprocess(ReprocessRequest request) {
        Instant from = request == null ? null : parse(request.from(), "from");
        Instant to = request == null ? null : parse(request.to(), "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.unprocessable("from must be before to", "from");
        }
        ReprocessJob job = reprocessing.start(identity.getPrincipal().getName(), from, to);
        return Response.accepted(ReprocessStatus.of(job)).location(URI.create("/api/v1/admin/reprocess/" + job.id)).build();
    }

    @GET
    @Path("/admin/reprocess/{id}")
    @Transactional
    @Operation(summary = "Progress of a re-tagging job")
    public ReprocessStatus reprocessStatus(@PathParam("id") long id) {
        return ReprocessJob.<ReprocessJob>findByIdOptional(id).map(ReprocessStatus::of)
                .orElseThrow(() -> ProblemException.notFound("no re-tagging job " + id));
    }

    @GET
    @Path("/admin/reprocess")
    @Transactional
    @Operation(summary = "The latest re-tagging jobs")
    public List<ReprocessStatus> reprocessJobs() {
        return ReprocessJob.latest(50).stream().map(ReprocessStatus::of).toList();
    }

    private Instant parse(String value, String field) {
        try {
            return dates.parseSubmitted(value);
        } catch (ProblemException e) {
            throw ProblemException.unprocessable(field + " is not a possible ISO-8601 date or date-time", field);
        }
    }
}
