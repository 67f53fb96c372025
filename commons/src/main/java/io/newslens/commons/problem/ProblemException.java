package io.newslens.commons.problem;

import java.util.List;

/** Thrown anywhere in a request to answer with a problem detail instead of a result. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ProblemException badRequest(String detail, String field) {
        return new ProblemException(400, "Bad request", detail, field == null ? List.of()
                : List.of(new Problem.FieldError(field, detail)));
    }

    public static ProblemException unprocessable(String detail, String field) {
        return new ProblemException(422, "Unprocessable content", detail, field == null ? List.of()
                : List.of(new Problem.FieldError(field, detail)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Content too large", detail);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, "Unsupported media type", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problems.typeFor(status), title, status, getMessage(), instance, errors.isEmpty() ? null : errors);
    }
}
