package io.newslens.query.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reads one article with its annotations in the shape clients rely on. */
@ApplicationScoped
public class ArticleReader {

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    @Transactional
    public Optional<JsonNode> find(String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, url, title, source_name, source_domain, byline, published_at, language, text, story_id,
                       pipeline_version, ingested_at, annotated_at, indexed_at, duplicate_of, CAST(annotations AS text)
                FROM article WHERE id = ?1
                """).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        ObjectNode out = json.createObjectNode();
        out.put("id", (String) r[0]);
        out.put("url", (String) r[1]);
        out.put("title", (String) r[2]);
        out.put("source", (String) r[3]);
        out.put("sourceDomain", (String) r[4]);
        out.put("byline", (String) r[5]);
        out.put("publishedAt", iso(r[6]));
        out.put("language", (String) r[7]);
        out.put("text", (String) r[8]);
        out.put("storyId", (String) r[9]);
        out.put("pipelineVersion", (String) r[10]);
        out.put("ingestedAt", iso(r[11]));
        out.put("annotatedAt", iso(r[12]));
        out.put("indexedAt", iso(r[13]));
        out.put("duplicateOf", (String) r[14]);
        try {
            out.set("annotations", json.readTree((String) r[15]));
        } catch (Exception e) {
            throw new IllegalStateException("stored annotations of " + id + " are unreadable", e);
        }
        return Optional.of(out);
    }

    public static String iso(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant().toString();
        }
        return value.toString();
    }
}
