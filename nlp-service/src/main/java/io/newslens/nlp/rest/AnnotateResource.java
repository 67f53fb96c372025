package io.newslens.nlp.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.contracts.Annotations;
import io.newslens.nlp.config.NlpConfig;
import io.newslens.nlp.service.NlpPipeline;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Annotates ad-hoc text and returns the annotations; nothing is stored. */
@Path("/api/v1/nlp/annotate")
@Tag(name = "NLP")
public class AnnotateResource {

    public record AnnotateRequest(@NotNull(message = "is required") @NotBlank(message = "must not be blank") String text,
            String title, String publishedAt) {
    }

    public record AnnotateResponse(String pipelineVersion, long processingMillis, @JsonUnwrapped Annotations annotations) {
    }

    @Inject
    NlpPipeline pipeline;
    @Inject
    NlpConfig config;

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Annotate text",
            description = "Entities (resolved and linked), dates resolved against publishedAt, quotes with speakers, "
                    + "events, keyphrases, sentiment and the embedding of the given text. Nothing is stored.")
    @APIResponse(responseCode = "200", description = "the annotations")
    @APIResponse(responseCode = "413", description = "text longer than the limit")
    @APIResponse(responseCode = "422", description = "no text, or an impossible publishedAt")
    public AnnotateResponse annotate(@Valid @NotNull(message = "a JSON body with text is required") AnnotateRequest request) {
        if (request.text().length() > config.maxTextChars()) {
            throw ProblemException.tooLarge("text has " + request.text().length() + " characters; the limit is "
                    + config.maxTextChars());
        }
        Instant publishedAt = parse(request.publishedAt());
        long started = System.nanoTime();
        Annotations annotations = pipeline.annotate(request.title(), request.text(), publishedAt, false);
        return new AnnotateResponse(config.pipelineVersion(), (System.nanoTime() - started) / 1_000_000, annotations);
    }

    static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.unprocessable("publishedAt '" + value + "' is not an ISO-8601 date or date-time",
                    "publishedAt");
        }
    }
}
