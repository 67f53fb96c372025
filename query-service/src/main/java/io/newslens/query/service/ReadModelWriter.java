package io.newslens.query.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.contracts.ArticleAnnotated;
import io.newslens.contracts.ArticleRemoved;
import io.newslens.contracts.Annotations;
import io.newslens.query.stories.StoryAssigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies annotated articles and takedowns to the read model, idempotently: the same article at the same
 * pipeline version changes nothing, an older version never overwrites a newer one, a newer version replaces
 * the old annotations, and a removed article never comes back.
 */
@ApplicationScoped
public class ReadModelWriter {

    public enum Result { APPLIED, UNCHANGED, OLDER_VERSION_IGNORED, REMOVED }

    public record Outcome(Result result, String storyId) {
    }

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    StoryAssigner stories;

    @Transactional
    public Outcome apply(ArticleAnnotated a) {
        if (!em.createNativeQuery("SELECT 1 FROM removed_article WHERE id = ?1").setParameter(1, a.id()).getResultList()
                .isEmpty()) {
            return new Outcome(Result.REMOVED, null);
        }
        // one writer per article at a time, across replicas
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "article:" + a.id()).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> existing = em.createNativeQuery("SELECT pipeline_version, story_id FROM article WHERE id = ?1")
                .setParameter(1, a.id()).getResultList();
        String previousStory = null;
        if (!existing.isEmpty()) {
            int c = PipelineVersions.compare(a.pipelineVersion(), (String) existing.get(0)[0]);
            if (c == 0) {
                return new Outcome(Result.UNCHANGED, (String) existing.get(0)[1]);
            }
            if (c < 0) {
                return new Outcome(Result.OLDER_VERSION_IGNORED, (String) existing.get(0)[1]);
            }
            previousStory = (String) existing.get(0)[1];
            Set<String> touched = entityIdsOf(a.id());
            countEntityDays(a.id(), -1);
            em.createNativeQuery("DELETE FROM article WHERE id = ?1").setParameter(1, a.id()).executeUpdate();
            recountEntities(touched);
        }
        Annotations ann = a.annotations() == null
                ? new Annotations(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null)
                : a.annotations();
        Instant sortTime = a.publishedAt() != null ? a.publishedAt() : a.ingestedAt() != null ? a.ingestedAt() : Instant.now();
        String sourceName = a.source() == null ? null : a.source().name();
        em.createNativeQuery("""
                INSERT INTO article (id, url, source_name, source_domain, title, byline, published_at, sort_time, language,
                    text, text_hash, ingested_at, annotated_at, indexed_at, pipeline_version, duplicate_of, sentiment,
                    annotations, embedding, search)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, now(), ?14, ?15, ?16, CAST(?17 AS jsonb), ?18,
                    setweight(to_tsvector(newslens_ts_config(?9), coalesce(?5, '')), 'A')
                    || setweight(to_tsvector(newslens_ts_config(?9), ?10), 'B'))
                """)
                .setParameter(1, a.id()).setParameter(2, a.url()).setParameter(3, sourceName)
                .setParameter(4, a.source() == null ? null : a.source().domain()).setParameter(5, a.title())
                .setParameter(6, a.byline()).setParameter(7, ts(a.publishedAt())).setParameter(8, ts(sortTime))
                .setParameter(9, a.language()).setParameter(10, a.text()).setParameter(11, a.textHash())
                .setParameter(12, ts(a.ingestedAt())).setParameter(13, ts(a.annotatedAt())).setParameter(14, a.pipelineVersion())
                .setParameter(15, a.duplicateOf())
                .setParameter(16, ann.sentiment() == null ? null : (float) ann.sentiment().score())
                .setParameter(17, toJson(ann.embedding() == null ? ann
                        : new Annotations(ann.sentences(), ann.mentions(), ann.entities(), ann.temporals(), ann.quotes(),
                                ann.events(), ann.keyphrases(), ann.sentiment(), null)))
                .setParameter(18, Vectors.toBytes(ann.embedding()))
                .executeUpdate();

        for (Annotations.Entity e : safe(ann.entities())) {
            upsertEntity(e, sortTime);
            em.createNativeQuery("""
                    INSERT INTO article_entity (article_id, entity_id, entity_type, mention_count, salience, sentiment,
                        sort_time, source_name)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING
                    """).setParameter(1, a.id()).setParameter(2, e.id()).setParameter(3, e.type())
                    .setParameter(4, e.mentionCount()).setParameter(5, (float) e.salience())
                    .setParameter(6, e.sentiment() == null ? null : e.sentiment().floatValue())
                    .setParameter(7, ts(sortTime)).setParameter(8, sourceName).executeUpdate();
        }
        countMentions(a.id());
        countEntityDays(a.id(), 1);

        for (Annotations.Quote q : safe(ann.quotes())) {
            em.createNativeQuery("""
                    INSERT INTO quote (article_id, speaker_entity_id, speaker_name, text, start_offset, end_offset, confidence,
                        sort_time, source_name, search)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, to_tsvector(newslens_ts_config(?10), ?4))
                    """).setParameter(1, a.id()).setParameter(2, q.speakerEntityId()).setParameter(3, q.speakerName())
                    .setParameter(4, q.text()).setParameter(5, q.start()).setParameter(6, q.end())
                    .setParameter(7, (float) q.confidence()).setParameter(8, ts(sortTime)).setParameter(9, sourceName)
                    .setParameter(10, a.language()).executeUpdate();
        }
        for (Annotations.Event ev : safe(ann.events())) {
            LocalDate[] range = dateRange(ev.time());
            em.createNativeQuery("""
                    INSERT INTO event (article_id, type, participants, place, time_text, time_start, time_end, evidence,
                        confidence, sort_time, source_name)
                    VALUES (?1, ?2, CAST(?3 AS text[]), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                    """).setParameter(1, a.id()).setParameter(2, ev.type())
                    .setParameter(3, "{" + String.join(",", safe(ev.participants()).stream().map(p -> "\"" + p.replace("\"", "")
                            + "\"").toList()) + "}")
                    .setParameter(4, ev.place()).setParameter(5, ev.time()).setParameter(6, range[0]).setParameter(7, range[1])
                    .setParameter(8, ev.evidence()).setParameter(9, (float) ev.confidence()).setParameter(10, ts(sortTime))
                    .setParameter(11, sourceName).executeUpdate();
        }
        String storyId = stories.assign(a.id(), sortTime, a.text(), ann, a.title(), previousStory);
        return new Outcome(Result.APPLIED, storyId);
    }

    /** Forgets an article everywhere in the read model and remembers that it was removed. */
    @Transactional
    public void remove(ArticleRemoved removed) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "article:" + removed.id())
                .getSingleResult();
        em.createNativeQuery("INSERT INTO removed_article (id, removed_at, removed_by) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, removed.id()).setParameter(2, ts(removed.removedAt() == null ? Instant.now() : removed.removedAt()))
                .setParameter(3, removed.removedBy()).executeUpdate();
        Set<String> touched = entityIdsOf(removed.id());
        countEntityDays(removed.id(), -1);
        @SuppressWarnings("unchecked")
        List<String> story = em.createNativeQuery("SELECT story_id FROM article WHERE id = ?1").setParameter(1, removed.id())
                .getResultList();
        em.createNativeQuery("DELETE FROM article WHERE id = ?1").setParameter(1, removed.id()).executeUpdate();
        recountEntities(touched);
        if (!story.isEmpty() && story.get(0) != null) {
            stories.refresh(story.get(0));
        }
    }

    private void upsertEntity(Annotations.Entity e, Instant seen) {
        em.createNativeQuery("""
                INSERT INTO entity (id, name, type, subtype, wikipedia, first_seen, last_seen, article_count, mention_count)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 0, 0)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type,
                    subtype = coalesce(EXCLUDED.subtype, entity.subtype), wikipedia = coalesce(EXCLUDED.wikipedia, entity.wikipedia)
                """).setParameter(1, e.id()).setParameter(2, e.name()).setParameter(3, e.type()).setParameter(4, e.subtype())
                .setParameter(5, e.wikipedia()).setParameter(6, ts(seen)).executeUpdate();
        Set<String> names = new LinkedHashSet<>();
        names.add(e.name());
        names.addAll(safe(e.aliases()));
        for (String alias : names) {
            if (alias == null || alias.isBlank()) {
                continue;
            }
            em.createNativeQuery("INSERT INTO entity_alias (entity_id, alias, alias_key) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                    .setParameter(1, e.id()).setParameter(2, alias).setParameter(3, aliasKey(alias)).executeUpdate();
        }
    }

    private void recountEntities(Set<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                UPDATE entity e SET article_count = s.articles, mention_count = s.mentions, first_seen = s.first_seen,
                    last_seen = s.last_seen
                FROM (SELECT ae.entity_id, count(*) AS articles, sum(ae.mention_count) AS mentions,
                             min(ae.sort_time) AS first_seen, max(ae.sort_time) AS last_seen
                      FROM article_entity ae WHERE ae.entity_id = ANY(CAST(?1 AS varchar[])) GROUP BY ae.entity_id) s
                WHERE e.id = s.entity_id
                """).setParameter(1, "{" + String.join(",", ids.stream().map(i -> "\"" + i.replace("\"", "") + "\"").toList()) + "}")
                .executeUpdate();
        em.createNativeQuery("""
                UPDATE entity SET article_count = 0, mention_count = 0 WHERE id = ANY(CAST(?1 AS varchar[]))
                  AND NOT EXISTS (SELECT 1 FROM article_entity ae WHERE ae.entity_id = entity.id)
                """).setParameter(1, "{" + String.join(",", ids.stream().map(i -> "\"" + i.replace("\"", "") + "\"").toList()) + "}")
                .executeUpdate();
    }

    /**
     * Adds a new article's mentions to its entities' counts and seen times: constant work per entity, where counting
     * again grew with the entity's articles ("United States" in a large share of the read model). The counts stay what
     * {@link #recountEntities} would give, as every article that left was recounted.
     */
    private void countMentions(String articleId) {
        em.createNativeQuery("""
                UPDATE entity e SET article_count = e.article_count + 1, mention_count = e.mention_count + ae.mention_count,
                    first_seen = CASE WHEN e.article_count = 0 THEN ae.sort_time ELSE least(e.first_seen, ae.sort_time) END,
                    last_seen = CASE WHEN e.article_count = 0 THEN ae.sort_time ELSE greatest(e.last_seen, ae.sort_time) END
                FROM article_entity ae WHERE ae.article_id = ?1 AND e.id = ae.entity_id
                """).setParameter(1, articleId).executeUpdate();
    }

    /**
     * Adds (sign 1) or takes back (sign -1) an article's mentions in its entities' daily counts. Rows are written in
     * entity order, so two writers touching the same entities lock them in the same order.
     */
    private void countEntityDays(String articleId, int sign) {
        em.createNativeQuery("""
                INSERT INTO entity_day (entity_id, day, mentions, articles, sentiment_sum, rated)
                SELECT entity_id, (sort_time AT TIME ZONE 'UTC')::date, ?2 * mention_count, ?2, ?2 * coalesce(sentiment, 0),
                       CASE WHEN sentiment IS NULL THEN 0 ELSE ?2 END
                FROM article_entity WHERE article_id = ?1 ORDER BY entity_id
                ON CONFLICT (entity_id, day) DO UPDATE SET mentions = entity_day.mentions + EXCLUDED.mentions,
                    articles = entity_day.articles + EXCLUDED.articles,
                    sentiment_sum = entity_day.sentiment_sum + EXCLUDED.sentiment_sum, rated = entity_day.rated + EXCLUDED.rated
                """).setParameter(1, articleId).setParameter(2, sign).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Set<String> entityIdsOf(String articleId) {
        return new LinkedHashSet<>(em.createNativeQuery("SELECT entity_id FROM article_entity WHERE article_id = ?1")
                .setParameter(1, articleId).getResultList());
    }

    public static String aliasKey(String alias) {
        return java.text.Normalizer.normalize(alias, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** "2023-04-16" or "2023-04-16/2023-04-19" (or a longer ISO date-time) to a start and end date. */
    static LocalDate[] dateRange(String time) {
        if (time == null || time.isBlank()) {
            return new LocalDate[] {null, null};
        }
        String[] parts = time.split("/");
        LocalDate start = date(parts[0]);
        LocalDate end = parts.length > 1 ? date(parts[1]) : start;
        return new LocalDate[] {start, end};
    }

    private static LocalDate date(String s) {
        try {
            return s.length() >= 10 ? LocalDate.parse(s.substring(0, 10)) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static <T> List<T> safe(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
