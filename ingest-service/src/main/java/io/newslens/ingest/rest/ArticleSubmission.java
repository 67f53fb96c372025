package io.newslens.ingest.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One article as a client submits it: {@code text}, {@code html} or only a {@code url} to fetch, plus
 * optional metadata. Dates are ISO-8601 ({@code 2023-04-16}, {@code 2023-04-16T09:30:00Z},
 * {@code 2023-04-16T09:30:00+03:00}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "ArticleSubmission", description = "An article to ingest: text, html, or only a url to fetch")
public record ArticleSubmission(
        @Size(max = 8192, message = "must be at most 8192 characters") @Schema(examples = "https://example.com/news/1") String url,
        @Size(max = 2000, message = "must be at most 2000 characters") String title,
        @Valid @Schema(description = "outlet name, or an object with name and domain") Source source,
        @Schema(description = "ISO-8601 date or date-time", examples = "2023-04-16T09:30:00Z") String publishedAt,
        @Size(max = 16, message = "must be an ISO 639 code") String language,
        @Size(max = 500, message = "must be at most 500 characters") String byline,
        @Schema(description = "plain article text") String text,
        @Schema(description = "the article page's HTML; main text is extracted") String html) {

    /** The outlet: clients send either a name string or {@code {"name": ..., "domain": ...}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "Source")
    public record Source(@Size(max = 300, message = "must be at most 300 characters") String name,
            @Size(max = 253, message = "must be at most 253 characters") String domain) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Source ofName(String name) {
            return new Source(name, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public static Source of(@JsonProperty("name") String name, @JsonProperty("domain") String domain) {
            return new Source(name, domain);
        }
    }
}
