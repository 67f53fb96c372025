package io.newslens.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.ingest.model.Article;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where an article is in the pipeline. */
@Path("/api/v1/articles/{id}/status")
@Tag(name = "Ingestion")
public class StatusResource {

    /**
     * @param state the furthest step reached: stored, published, annotated, searchable, or failed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArticleStatus(String id, String state, Steps steps, String pipelineVersion, String storyId,
            String duplicateOf, Failure failure) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Steps(Instant stored, Instant published, Instant annotated, Instant searchable) {
    }

    public record Failure(Instant at, String reason) {
    }

    @GET
    @RolesAllowed({Roles.INGESTOR, Roles.ANALYST, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where an article is: stored, published, annotated, searchable (with times), or failed and why")
    public ArticleStatus status(@PathParam("id") String id) {
        Article a = Article.<Article>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("no article with id " + id));
        String state = a.indexedAt != null ? "searchable"
                : a.failedAt != null ? "failed"
                : a.annotatedAt != null ? "annotated"
                : a.publishedToKafkaAt != null ? "published" : "stored";
        return new ArticleStatus(a.id, state, new Steps(a.ingestedAt, a.publishedToKafkaAt, a.annotatedAt, a.indexedAt),
                a.pipelineVersion, a.storyId, a.duplicateOf,
                a.failedAt == null || a.indexedAt != null ? null : new Failure(a.failedAt, a.failureReason));
    }
}
