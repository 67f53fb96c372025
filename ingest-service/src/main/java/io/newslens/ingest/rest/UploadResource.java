package io.newslens.ingest.rest;

import io.newslens.commons.problem.Problem;
import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.ingest.config.IngestConfig;
import io.newslens.ingest.service.IngestionService;
import io.newslens.ingest.service.SubmissionReader;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Article files in: .html, .htm, .xhtml, .txt, .text and .md, as multipart form data. */
@Path("/api/v1/articles/upload")
@Tag(name = "Ingestion")
public class UploadResource {

    /** One file's outcome: the ingest result, or the problem with that file. */
    public record FileResult(String file, IngestResult result, Problem error) {
    }

    public record UploadResponse(int accepted, int duplicates, int failed, List<FileResult> files) {
    }

    static final List<String> HTML = List.of("html", "htm", "xhtml");
    static final List<String> TEXT = List.of("txt", "text", "md");

    @Inject
    IngestionService ingestion;
    @Inject
    SubmissionReader reader;
    @Inject
    IngestConfig config;
    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Roles.INGESTOR)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest article files",
            description = "Any number of file parts (.html, .htm, .xhtml, .txt, .text, .md) plus optional form fields "
                    + "source, publishedAt and language that apply to every file. 202 when every file was stored or "
                    + "recognised as a duplicate; 207 with a result per file when some failed; the file's own error "
                    + "status when the only file failed.")
    @APIResponse(responseCode = "202", description = "all files stored or duplicates")
    @APIResponse(responseCode = "207", description = "some files failed: see each file's error")
    public Response upload(@RestForm(FileUpload.ALL) List<FileUpload> files, @RestForm String source,
            @RestForm String publishedAt, @RestForm String language) {
        List<FileUpload> articleFiles = files == null ? List.of()
                : files.stream().filter(f -> f.fileName() != null && !f.fileName().isBlank()).toList();
        if (articleFiles.isEmpty()) {
            throw ProblemException.unprocessable("no file parts in the upload", "file");
        }
        String principal = identity.getPrincipal().getName();
        List<FileResult> results = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        int failed = 0;
        ProblemException lastFailure = null;
        for (FileUpload file : articleFiles) {
            try {
                IngestResult result = ingestOne(file, source, publishedAt, language, principal);
                results.add(new FileResult(file.fileName(), result, null));
                if (result.accepted()) {
                    accepted++;
                } else {
                    duplicates++;
                }
            } catch (ProblemException e) {
                failed++;
                lastFailure = e;
                results.add(new FileResult(file.fileName(), null, e.toProblem("/api/v1/articles/upload")));
            }
        }
        if (failed == 1 && articleFiles.size() == 1) {
            throw lastFailure;
        }
        return Response.status(failed == 0 ? 202 : 207).entity(new UploadResponse(accepted, duplicates, failed, results))
                .build();
    }

    private IngestResult ingestOne(FileUpload file, String source, String publishedAt, String language, String principal) {
        String ext = extension(file.fileName());
        boolean html = HTML.contains(ext);
        if (!html && !TEXT.contains(ext)) {
            throw new ProblemException(415, "Unsupported file type", "'" + file.fileName()
                    + "' is not an accepted article file (.html, .htm, .xhtml, .txt, .text, .md)");
        }
        if (file.size() > config.maxUploadFileBytes()) {
            throw ProblemException.tooLarge("'" + file.fileName() + "' is larger than " + config.maxUploadFileBytes() + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw ProblemException.badRequest("'" + file.fileName() + "' could not be read", "file");
        }
        String content = html ? io.newslens.ingest.service.PageFetcher.decodeUpload(bytes)
                : SubmissionReader.decodeUtf8(bytes);
        ArticleSubmission submission = new ArticleSubmission(null, null,
                source == null || source.isBlank() ? null : ArticleSubmission.Source.ofName(source), publishedAt, language,
                null, html ? null : content, html ? content : null);
        reader.validate(submission);
        return ingestion.ingest(submission, principal, "upload");
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
