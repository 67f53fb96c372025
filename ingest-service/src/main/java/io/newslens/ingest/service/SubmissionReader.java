package io.newslens.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.newslens.commons.problem.Problem;
import io.newslens.commons.problem.ProblemException;
import io.newslens.ingest.rest.ArticleSubmission;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a submitted article from raw bytes, so that every way it can be wrong gets its own clear answer:
 * not UTF-8 (422), not JSON (400), wrong field shapes (400), invalid values (422).
 */
@ApplicationScoped
public class SubmissionReader {

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    private ObjectReader reader;

    @PostConstruct
    void init() {
        reader = json.readerFor(ArticleSubmission.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public ArticleSubmission read(byte[] body) {
        String text = decodeUtf8(body);
        if (text.isBlank()) {
            throw ProblemException.badRequest("the body is empty: send one article as a JSON object", null);
        }
        ArticleSubmission submission;
        try {
            submission = reader.readValue(text);
        } catch (JsonMappingException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof StreamReadException syntax) {
                    throw notJson(syntax);
                }
            }
            if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                throw notJson(e);
            }
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (field.isEmpty()) {
                throw ProblemException.badRequest("the body must be one JSON object describing an article", null);
            }
            throw ProblemException.badRequest("'" + field + "' has the wrong type", field);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
        if (submission == null) {
            throw ProblemException.badRequest("the body must be one JSON object describing an article", null);
        }
        validate(submission);
        return submission;
    }

    private static ProblemException notJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return ProblemException.badRequest("the body is not valid JSON" + where, null);
    }

    public void validate(ArticleSubmission submission) {
        Set<ConstraintViolation<ArticleSubmission>> violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
            throw new ProblemException(422, "Invalid article", errors.stream().map(e -> e.field() + " " + e.message())
                    .collect(Collectors.joining("; ")), errors);
        }
    }

    public static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.unprocessable("the body is not valid UTF-8 text", null);
        }
    }
}
