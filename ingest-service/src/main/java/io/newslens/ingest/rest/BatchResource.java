package io.newslens.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.newslens.commons.security.Roles;

import io.newslens.ingest.service.BatchIngestion;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * NDJSON batches: one article a line, streamed in and answered line by line, in order, while the body is
 * still arriving. A bad line fails alone; the lines around it are stored.
 */
@Path("/api/v1/articles/batch")
@Tag(name = "Ingestion")
public class BatchResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    BatchIngestion batches;
    @Inject
    SecurityIdentity identity;
    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed(Roles.INGESTOR)
    @Consumes({NDJSON, "application/jsonl", "application/jsonlines", "application/x-jsonlines"})
    @Produces(NDJSON)
    @Operation(summary = "Ingest an NDJSON batch",
            description = "Each line is one article object as for POST /api/v1/articles. The answer is NDJSON too: one line "
                    + "per input line, in order, {\"line\": n, \"status\": \"accepted\"|\"duplicate\", \"id\": ...} or "
                    + "{\"line\": n, \"status\": \"error\", \"error\": {problem}}, then a summary line "
                    + "{\"summary\": {\"lines\", \"accepted\", \"duplicates\", \"failed\"}}. Blank lines are skipped.")
    public Response batch(InputStream body) {
        String principal = identity.getPrincipal().getName();
        StreamingOutput output = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16384);
            BatchIngestion.Summary summary = batches.ingest(body, principal, result -> {
                ObjectNode line = json.createObjectNode();
                line.put("line", result.line());
                if (result.error() != null) {
                    line.put("status", "error");
                    line.set("error", json.valueToTree(result.error()));
                } else {
                    line.put("status", result.result().status());
                    line.put("id", result.result().id());
                    if (result.result().nearDuplicateOf() != null) {
                        line.put("nearDuplicateOf", result.result().nearDuplicateOf());
                    }
                    line.put("statusUrl", result.result().statusUrl());
                }
                try {
                    writer.write(json.writeValueAsString(line));
                    writer.write('\n');
                    if (result.flush()) {
                        writer.flush();
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ObjectNode last = json.createObjectNode();
            last.putObject("summary").put("lines", summary.lines()).put("accepted", summary.accepted())
                    .put("duplicates", summary.duplicates()).put("failed", summary.failed());
            writer.write(json.writeValueAsString(last));
            writer.write('\n');
            writer.flush();
        };
        return Response.ok(output, NDJSON).build();
    }

}
