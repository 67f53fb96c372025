package io.newslens.query.service;

import io.newslens.query.rest.ListPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Quotes by speaker and words; events by type, participant and time. */
@ApplicationScoped
public class QuoteEventQueries {

    public record QuoteHit(long id, String text, String speakerEntityId, String speakerName, double confidence,
            String articleId, String articleTitle, String source, String publishedAt, int start, int end) {
    }

    public record EntityName(String id, String name, String type) {
    }

    public record EventHit(long id, String type, List<EntityName> participants, EntityName place, String time,
            String evidence, double confidence, String articleId, String articleTitle, String source, String publishedAt) {
    }

    @Inject
    EntityManager em;

    @Transactional
    @SuppressWarnings("unchecked")
    public ListPage<QuoteHit> quotes(String speaker, String words, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (speaker != null) {
            params.add(speaker);
            where.append(" AND q.speaker_entity_id = ?").append(params.size());
        }
        if (words != null) {
            params.add(words);
            int n = params.size();
            where.append(" AND q.search @@ (websearch_to_tsquery('english', ?").append(n)
                    .append(") || websearch_to_tsquery('simple', ?").append(n).append("))");
        }
        addRange(where, params, "q.sort_time", from, to);
        long total = ((Number) bind(em.createNativeQuery("SELECT count(*) FROM quote q" + where), params).getSingleResult())
                .longValue();
        List<QuoteHit> items = new ArrayList<>();
        for (Object[] r : (List<Object[]>) bind(em.createNativeQuery("""
                SELECT q.id, q.text, q.speaker_entity_id, coalesce(e.name, q.speaker_name), q.confidence, q.article_id, a.title,
                       q.source_name, a.published_at, q.start_offset, q.end_offset
                FROM quote q JOIN article a ON a.id = q.article_id LEFT JOIN entity e ON e.id = q.speaker_entity_id
                """ + where + " ORDER BY q.sort_time DESC, q.id DESC LIMIT " + size + " OFFSET " + (page - 1) * size), params)
                .getResultList()) {
            items.add(new QuoteHit(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).doubleValue(), (String) r[5], (String) r[6], (String) r[7], ArticleReader.iso(r[8]),
                    ((Number) r[9]).intValue(), ((Number) r[10]).intValue()));
        }
        return new ListPage<>(total, page, size, items);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public ListPage<EventHit> events(String type, String entity, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (type != null) {
            params.add(type);
            where.append(" AND v.type = ?").append(params.size());
        }
        if (entity != null) {
            params.add(entity);
            where.append(" AND (?").append(params.size()).append(" = ANY(v.participants) OR v.place = ?")
                    .append(params.size()).append(")");
        }
        // an event's own time when the text gave one, else the article's time
        if (from != null) {
            params.add(LocalDate.ofInstant(from, ZoneOffset.UTC));
            params.add(Timestamp.from(from));
            where.append(" AND (coalesce(v.time_end, v.time_start) >= ?").append(params.size() - 1)
                    .append(" OR (v.time_start IS NULL AND v.sort_time >= ?").append(params.size()).append("))");
        }
        if (to != null) {
            params.add(LocalDate.ofInstant(to, ZoneOffset.UTC));
            params.add(Timestamp.from(to));
            where.append(" AND (v.time_start < ?").append(params.size() - 1)
                    .append(" OR (v.time_start IS NULL AND v.sort_time < ?").append(params.size()).append("))");
        }
        long total = ((Number) bind(em.createNativeQuery("SELECT count(*) FROM event v" + where), params).getSingleResult())
                .longValue();
        List<Object[]> rows = bind(em.createNativeQuery("""
                SELECT v.id, v.type, CAST(v.participants AS text), v.place, v.time_text, v.evidence, v.confidence, v.article_id,
                       a.title, v.source_name, a.published_at
                FROM event v JOIN article a ON a.id = v.article_id
                """ + where + " ORDER BY coalesce(v.time_start, CAST(v.sort_time AS date)) DESC, v.id DESC LIMIT " + size
                + " OFFSET " + (page - 1) * size), params).getResultList();
        List<String> ids = new ArrayList<>();
        for (Object[] r : rows) {
            ids.addAll(parseArray((String) r[2]));
            if (r[3] != null) {
                ids.add((String) r[3]);
            }
        }
        Map<String, EntityName> names = names(ids);
        List<EventHit> items = new ArrayList<>();
        for (Object[] r : rows) {
            List<EntityName> participants = parseArray((String) r[2]).stream()
                    .map(i -> names.getOrDefault(i, new EntityName(i, null, null))).toList();
            items.add(new EventHit(((Number) r[0]).longValue(), (String) r[1], participants,
                    r[3] == null ? null : names.getOrDefault((String) r[3], new EntityName((String) r[3], null, null)),
                    (String) r[4], (String) r[5], ((Number) r[6]).doubleValue(), (String) r[7], (String) r[8], (String) r[9],
                    ArticleReader.iso(r[10])));
        }
        return new ListPage<>(total, page, size, items);
    }

    @SuppressWarnings("unchecked")
    Map<String, EntityName> names(List<String> ids) {
        Map<String, EntityName> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT id, name, type FROM entity WHERE id = ANY(CAST(?1 AS varchar[]))")
                .setParameter(1, EntityQueries.array(new java.util.LinkedHashSet<>(ids))).getResultList()) {
            out.put((String) r[0], new EntityName((String) r[0], (String) r[1], (String) r[2]));
        }
        return out;
    }

    static List<String> parseArray(String pgArray) {
        if (pgArray == null || pgArray.length() < 2) {
            return List.of();
        }
        String inner = pgArray.substring(1, pgArray.length() - 1);
        if (inner.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : inner.split(",")) {
            out.add(part.replace("\"", ""));
        }
        return out;
    }

    private static void addRange(StringBuilder where, List<Object> params, String column, Instant from, Instant to) {
        if (from != null) {
            params.add(Timestamp.from(from));
            where.append(" AND ").append(column).append(" >= ?").append(params.size());
        }
        if (to != null) {
            params.add(Timestamp.from(to));
            where.append(" AND ").append(column).append(" < ?").append(params.size());
        }
    }

    private static Query bind(Query q, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q;
    }
}
