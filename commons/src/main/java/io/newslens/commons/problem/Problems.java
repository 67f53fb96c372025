package io.newslens.commons.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem responses. */
public final class Problems {

    private Problems() {
    }

    public static String typeFor(int status) {
        return "https://newslens.io/problems/" + status;
    }

    public static Response response(int status, String title, String detail, String instance, List<Problem.FieldError> errors) {
        Problem problem = new Problem(typeFor(status), title, status, detail, instance,
                errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(ProblemException e, String instance) {
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(instance)).build();
    }
}
