package io.newslens.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.ingest.config.IngestConfig;
import io.newslens.ingest.model.Feed;
import io.newslens.ingest.service.FeedPoller;
import io.newslens.ingest.service.PageFetcher;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** RSS/Atom feed subscriptions (role admin). */
@Path("/api/v1/feeds")
@Tag(name = "Feeds")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    /** @param pollIntervalSeconds how often to poll (at least the configured minimum; default 900) */
    public record FeedSubscription(@NotBlank(message = "is required") @Size(max = 2000, message = "is too long") String url,
            @Size(max = 300, message = "is too long") String sourceName, Integer pollIntervalSeconds, Boolean fetchArticles) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeedView(long id, String url, String title, String sourceName, int pollIntervalSeconds, boolean fetchArticles,
            Instant lastPolledAt, Instant lastSuccessAt, String lastError, int consecutiveFailures, Instant nextPollAt,
            int entriesSeen, int articlesIngested, Instant createdAt) {
        static FeedView of(Feed f) {
            return new FeedView(f.id, f.url, f.title, f.sourceName, f.pollIntervalSeconds, f.fetchArticles, f.lastPolledAt,
                    f.lastSuccessAt, f.lastError, f.consecutiveFailures, f.nextPollAt, f.entriesSeen, f.articlesIngested,
                    f.createdAt);
        }
    }

    public record FeedList(long total, List<FeedView> items) {
    }

    @Inject
    PageFetcher fetcher;
    @Inject
    FeedPoller poller;
    @Inject
    IngestConfig config;
    @Inject
    SecurityIdentity identity;

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to a feed", description = "The feed is polled at once and then on its interval.")
    @APIResponse(responseCode = "201", description = "subscribed")
    @APIResponse(responseCode = "409", description = "already subscribed")
    @APIResponse(responseCode = "422", description = "not an http(s) URL, or one pointing at a private address")
    public Response subscribe(@Valid @NotNull(message = "a JSON body is required") FeedSubscription request) {
        URI uri = PageFetcher.checkedUri(request.url());
        fetcher.checkAddress(uri);
        int interval = request.pollIntervalSeconds() == null ? 900 : request.pollIntervalSeconds();
        if (interval < config.feeds().minPollIntervalSeconds() || interval > 7 * 86400) {
            throw ProblemException.unprocessable("pollIntervalSeconds must be between "
                    + config.feeds().minPollIntervalSeconds() + " and 604800", "pollIntervalSeconds");
        }
        if (Feed.findByUrl(uri.toString()).isPresent()) {
            throw ProblemException.conflict("this feed is already subscribed");
        }
        Feed f = new Feed();
        f.url = uri.toString();
        f.sourceName = request.sourceName();
        f.pollIntervalSeconds = interval;
        f.fetchArticles = request.fetchArticles() == null || request.fetchArticles();
        f.createdBy = identity.getPrincipal().getName();
        f.createdAt = Instant.now();
        f.nextPollAt = f.createdAt;
        f.persist();
        return Response.created(URI.create("/api/v1/feeds/" + f.id)).entity(FeedView.of(f)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "All feed subscriptions with their last poll, errors and counts")
    public FeedList list() {
        List<FeedView> items = Feed.<Feed>listAll().stream().map(FeedView::of).toList();
        return new FeedList(items.size(), items);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One feed with its last poll, errors and counts")
    public FeedView get(@PathParam("id") long id) {
        return FeedView.of(find(id));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Unsubscribe (articles already ingested stay)")
    @APIResponse(responseCode = "204", description = "removed")
    public Response delete(@PathParam("id") long id) {
        find(id).delete();
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/poll")
    @Operation(summary = "Poll a feed now")
    public FeedPoller.PollResult pollNow(@PathParam("id") long id) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> find(id));
        return poller.poll(id);
    }

    private static Feed find(long id) {
        return Feed.<Feed>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no feed with id " + id));
    }
}
