package io.newslens.query.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.commons.security.Roles;
import io.newslens.query.search.SearchRequest;
import io.newslens.query.search.SearchService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every article matching a search, streamed as NDJSON or CSV, with no row cap. */
@Path("/api/v1/articles/export")
@Tag(name = "Search")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ExportResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    @Inject
    SearchRequests requests;
    @Inject
    SearchService search;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Export search results", description = "The search parameters of GET /api/v1/articles; "
            + "format=ndjson (default: one article per line, with its text) or csv (no text). Streamed, newest first.")
    public Response export(@QueryParam("format") String format, @QueryParam("q") String q,
            @QueryParam("entity") List<String> entity, @QueryParam("type") String type, @QueryParam("source") List<String> source,
            @QueryParam("language") String language, @QueryParam("from") String from, @QueryParam("to") String to) {
        String f = Params.oneOf("format", format, List.of("ndjson", "csv"), "ndjson");
        SearchRequest request = requests.of(q, entity, type, source, language, from, to, "date", 1, 1, null);
        boolean csv = f.equals("csv");
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
            if (csv) {
                writer.write("id,publishedAt,source,title,url,language,storyId,entities\r\n");
            }
            try {
                search.stream(request, row -> {
                    try {
                        if (csv) {
                            writer.write(String.join(",", csvField(row.id()), csvField(row.publishedAt()), csvField(row.source()),
                                    csvField(row.title()), csvField(row.url()), csvField(row.language()), csvField(row.storyId()),
                                    csvField(row.entities())));
                            writer.write("\r\n");
                        } else {
                            writer.write(json.writeValueAsString(Map.of("id", row.id(), "publishedAt", nz(row.publishedAt()),
                                    "source", nz(row.source()), "title", nz(row.title()), "url", nz(row.url()),
                                    "language", nz(row.language()), "storyId", nz(row.storyId()),
                                    "entities", nz(row.entities()), "text", nz(row.text()))));
                            writer.write("\n");
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, csv ? CSV + "; charset=utf-8" : NDJSON)
                .header("Content-Disposition", "attachment; filename=\"newslens-export." + f + "\"").build();
    }

    /** RFC 4180 quoting; a leading formula character is defused so spreadsheets do not run it. */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static Object nz(String v) {
        return v == null ? "" : v;
    }
}
