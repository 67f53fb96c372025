package io.newslens.query.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A saved search as clients create and read it: the search parameters of GET /api/v1/articles. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AlertDefinition(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        String q, List<String> entity, String type, List<String> source, String language) {
}
