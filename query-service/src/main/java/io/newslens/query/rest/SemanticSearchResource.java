package io.newslens.query.rest;

import io.newslens.commons.problem.ProblemException;
import io.newslens.commons.security.Roles;
import io.newslens.query.config.QueryConfig;
import io.newslens.query.semantic.QueryEmbedder;
import io.newslens.query.semantic.SemanticIndex;
import io.newslens.query.service.ArticleReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Articles nearest in meaning to a query. */
@Path("/api/v1/search/semantic")
@Tag(name = "Search")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class SemanticSearchResource {

    public record SemanticHit(String id, String title, String source, String publishedAt, String url, String storyId,
            double similarity) {
    }

    public record SemanticResult(long total, List<SemanticHit> hits) {
    }

    @Inject
    QueryEmbedder embedder;
    @Inject
    SemanticIndex index;
    @Inject
    QueryConfig config;
    @Inject
    EntityManager em;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Semantic search", description = "Embeds q with all-MiniLM-L6-v2 (the model articles are embedded "
            + "with) and returns the articles whose embeddings are nearest by cosine similarity.")
    public SemanticResult search(@QueryParam("q") String q, @QueryParam("size") Integer size, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        if (!config.semantic().enabled()) {
            throw new ProblemException(503, "Semantic search is switched off", "newslens.query.semantic.enabled is false");
        }
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("q is required", "q");
        }
        if (q.length() > config.maxQueryLength()) {
            throw ProblemException.badRequest("q is longer than " + config.maxQueryLength() + " characters", "q");
        }
        int k = Params.size(size, 10, config.maxPageSize());
        Instant f = Params.instant("from", from, false);
        Instant t = Params.instant("to", to, true);
        Params.range(f, t);
        List<SemanticIndex.Neighbour> nearest = index.nearest(embedder.embed(q.strip()), k, config.semantic().minSimilarity(), f, t);
        Map<String, Object[]> rows = new HashMap<>();
        if (!nearest.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery("SELECT id, title, source_name, published_at, url, story_id FROM article"
                    + " WHERE id = ANY(CAST(?1 AS varchar[]))")
                    .setParameter(1, "{" + String.join(",", nearest.stream().map(SemanticIndex.Neighbour::id).toList()) + "}")
                    .getResultList();
            for (Object[] r : found) {
                rows.put((String) r[0], r);
            }
        }
        List<SemanticHit> hits = new ArrayList<>();
        for (SemanticIndex.Neighbour n : nearest) {
            Object[] r = rows.get(n.id());
            if (r != null) {
                hits.add(new SemanticHit(n.id(), (String) r[1], (String) r[2], ArticleReader.iso(r[3]), (String) r[4],
                        (String) r[5], Math.round(n.similarity() * 1000) / 1000.0));
            }
        }
        return new SemanticResult(hits.size(), hits);
    }
}
