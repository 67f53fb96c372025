package io.newslens.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.commons.problem.Problem;
import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.ingest.config.IngestConfig;
import io.newslens.ingest.service.ArticleIdentity;
import io.newslens.ingest.service.IdempotencyStore;
import io.newslens.ingest.service.IngestionService;
import io.newslens.ingest.service.SubmissionReader;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Articles in, one at a time: JSON with text, html or only a url. */
@Path("/api/v1/articles")
@Tag(name = "Ingestion")
public class ArticleResource {

    @Inject
    IngestionService ingestion;
    @Inject
    SubmissionReader reader;
    @Inject
    IdempotencyStore idempotency;
    @Inject
    IngestConfig config;
    @Inject
    SecurityIdentity identity;
    @Inject
    ObjectMapper json;
    @Inject
    UriInfo uri;

    @POST
    @RolesAllowed(Roles.INGESTOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one article",
            description = "Stores the article and queues it for tagging. 202 with the new id, or 200 with the existing id "
                    + "when the same URL or the same text was ingested before. A near duplicate is stored and flagged.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ArticleSubmission.class)))
    @APIResponse(responseCode = "202", description = "accepted", content = @Content(schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "200", description = "a duplicate: the existing article's id")
    @APIResponse(responseCode = "400", description = "malformed JSON", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "too large", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "not JSON", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "invalid article", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response submit(InputStream body,
            @Parameter(description = "a client-chosen key; a retried POST with the same key gets the first answer")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        byte[] bytes = readCapped(body, config.maxArticleBytes());
        String principal = identity.getPrincipal().getName();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        String requestHash = key == null ? null : ArticleIdentity.sha256Hex(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (key != null) {
            if (key.length() > 200) {
                throw ProblemException.badRequest("Idempotency-Key must be at most 200 characters", "Idempotency-Key");
            }
            Optional<IdempotencyStore.Stored> stored = idempotency.find(principal, key, requestHash);
            if (stored.isPresent()) {
                if (!stored.get().sameRequest()) {
                    throw new ProblemException(422, "Idempotency-Key reused",
                            "this Idempotency-Key was used before for a different request");
                }
                return Response.status(stored.get().status()).type(MediaType.APPLICATION_JSON).entity(stored.get().body())
                        .header("Idempotent-Replayed", "true").build();
            }
        }
        IngestResult result = ingestion.ingest(reader.read(bytes), principal, "json");
        int status = result.accepted() ? 202 : 200;
        if (key != null) {
            idempotency.remember(principal, key, requestHash, status, toJson(result));
        }
        return Response.status(status).entity(result).location(java.net.URI.create(result.statusUrl())).build();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] readCapped(InputStream body, int max) {
        try (body) {
            byte[] bytes = body.readNBytes(max + 1);
            if (bytes.length > max) {
                throw ProblemException.tooLarge("the request body is larger than " + max + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.badRequest("the request body could not be read", null);
        }
    }
}
