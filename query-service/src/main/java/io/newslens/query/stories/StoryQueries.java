package io.newslens.query.stories;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.contracts.Annotations;
import io.newslens.query.rest.ListPage;
import io.newslens.query.service.Html;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What analysts read about stories: the list (latest first, by entity, by time) and one story with its articles,
 * outlets, key entities, the events of its articles as one timeline, and the points where its outlets disagree. The
 * disagreements are computed on first read and kept in {@code story.analysis} until the story changes
 * ({@link StoryAssigner#refresh} clears it).
 */
@ApplicationScoped
public class StoryQueries {

    private static final Logger LOG = Logger.getLogger(StoryQueries.class);

    /** Bumped when the stored analysis changes shape or meaning, so older stored analyses are recomputed. */
    static final int ANALYSIS_VERSION = 1;

    public record StorySummary(String id, String title, Instant firstPublishedAt, Instant lastPublishedAt, int articleCount,
            int sourceCount, List<String> sources) {
    }

    public record StoryArticle(String id, String title, String source, String sourceDomain, String byline,
            Instant publishedAt, String url, String language, String snippet) {
    }

    public record StorySource(String name, String domain, int articleCount) {
    }

    /** @param count articles of the story mentioning it; @param mentions its mentions over them */
    public record StoryEntity(String id, String name, String type, String subtype, int count, int mentions) {
    }

    /** One event of the timeline; reports of the same event by several articles are one entry. */
    public record StoryEvent(String type, List<String> participants, String place, String time, LocalDate timeStart,
            LocalDate timeEnd, String evidence, List<String> articleIds, List<String> sources) {
    }

    public record Story(String id, String title, Instant firstPublishedAt, Instant lastPublishedAt, int articleCount,
            int sourceCount, List<StoryArticle> articles, List<StorySource> sources, List<StoryEntity> entities,
            List<StoryEvent> events, List<DisagreementFinder.Disagreement> disagreements) {
    }

    /** The stored form of a story's analysis. */
    public record Analysis(int version, List<DisagreementFinder.Disagreement> disagreements) {
    }

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /** Stories newest first (by their latest article), optionally mentioning an entity and overlapping a period. */
    @Transactional
    @SuppressWarnings("unchecked")
    public ListPage<StorySummary> list(String entityId, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE s.article_count > 0");
        Map<String, Object> params = new LinkedHashMap<>();
        boolean byProfile = false;
        if (entityId != null) {
            params.put("entity", entityId);
            List<String> type = em.createNativeQuery("SELECT type FROM entity WHERE id = ?1").setParameter(1, entityId).getResultList();
            if (!type.isEmpty() && ArticleProfile.STORY_ENTITY_TYPES.contains(type.get(0))) {
                // the story entity profiles hold every story of such an entity (salience is positive when mentioned):
                // an index-only scan instead of visiting each of its articles
                where.append(" AND s.id IN (SELECT se.story_id FROM story_entity se WHERE se.entity_id = :entity)");
                byProfile = true;
            } else {
                where.append(" AND EXISTS (SELECT 1 FROM article_entity ae JOIN article a ON a.id = ae.article_id"
                        + " WHERE ae.entity_id = :entity AND a.story_id = s.id)");
            }
        }
        if (from != null) {
            params.put("from", Timestamp.from(from));
            where.append(" AND s.last_published >= :from");
        }
        if (to != null) {
            params.put("to", Timestamp.from(to));
            where.append(" AND s.first_published < :to");
        }
        // a story has profile rows only while it has articles (an emptied story is deleted with them): without a
        // period, its profile rows alone count an entity's stories, without visiting the stories
        var count = byProfile && from == null && to == null
                ? em.createNativeQuery("SELECT count(*) FROM story_entity se WHERE se.entity_id = :entity")
                : em.createNativeQuery("SELECT count(*) FROM story s" + where);
        if (byProfile && from == null && to == null) {
            count.setParameter("entity", entityId);
        } else {
            params.forEach(count::setParameter);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        var select = em.createNativeQuery("""
                SELECT s.id, s.title, s.first_published, s.last_published, s.article_count, s.source_count,
                       (SELECT string_agg(DISTINCT a.source_name, E'\\n') FROM article a WHERE a.story_id = s.id)
                FROM story s""" + where + " ORDER BY s.last_published DESC, s.id LIMIT :limit OFFSET :offset");
        params.forEach(select::setParameter);
        select.setParameter("limit", size).setParameter("offset", (long) (page - 1) * size);
        List<StorySummary> items = new ArrayList<>();
        for (Object[] r : (List<Object[]>) select.getResultList()) {
            items.add(new StorySummary((String) r[0], (String) r[1], StoryAssigner.instant(r[2]), StoryAssigner.instant(r[3]),
                    ((Number) r[4]).intValue(), ((Number) r[5]).intValue(),
                    r[6] == null ? List.of() : Arrays.stream(((String) r[6]).split("\n")).sorted().toList()));
        }
        return new ListPage<>(total, page, size, items);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<Story> find(String id) {
        List<Object[]> head = em.createNativeQuery("""
                SELECT id, title, first_published, last_published, article_count, source_count, CAST(analysis AS text),
                       updated_at
                FROM story WHERE id = ?1
                """).setParameter(1, id).getResultList();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Object[] h = head.get(0);
        List<DisagreementFinder.Disagreement> cached = stored(id, (String) h[6]);
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, title, source_name, source_domain, byline, sort_time, url, language, text, CAST(annotations AS text),
                       published_at
                FROM article WHERE story_id = ?1 ORDER BY sort_time, id
                """).setParameter(1, id).getResultList();
        List<StoryArticle> articles = new ArrayList<>();
        List<DisagreementFinder.Doc> docs = new ArrayList<>();
        Map<String, int[]> sourceCounts = new LinkedHashMap<>();
        Map<String, String> domains = new LinkedHashMap<>();
        for (Object[] r : rows) {
            String text = (String) r[8];
            String source = (String) r[2];
            articles.add(new StoryArticle((String) r[0], (String) r[1], source, (String) r[3], (String) r[4],
                    StoryAssigner.instant(r[10] != null ? r[10] : r[5]), (String) r[6], (String) r[7], Html.escape(lead(text))));
            String outlet = source == null ? "Unknown outlet" : source;
            sourceCounts.computeIfAbsent(outlet, k -> new int[1])[0]++;
            domains.putIfAbsent(outlet, (String) r[3]);
            if (cached == null) {
                docs.add(new DisagreementFinder.Doc((String) r[0], source, StoryAssigner.instant(r[5]), text,
                        annotations((String) r[9], (String) r[0])));
            }
        }
        List<StorySource> sources = sourceCounts.entrySet().stream()
                .map(e -> new StorySource(e.getKey(), domains.get(e.getKey()), e.getValue()[0]))
                .sorted((a, b) -> Integer.compare(b.articleCount(), a.articleCount())).toList();

        List<StoryEntity> entities = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT e.id, e.name, e.type, e.subtype, count(*) AS articles, sum(ae.mention_count) AS mentions
                FROM article_entity ae JOIN article a ON a.id = ae.article_id JOIN entity e ON e.id = ae.entity_id
                WHERE a.story_id = ?1 AND ae.entity_type <> 'DATE'
                GROUP BY e.id, e.name, e.type, e.subtype
                ORDER BY count(*) DESC, sum(ae.salience) DESC, e.id LIMIT 25
                """).setParameter(1, id).getResultList()) {
            entities.add(new StoryEntity((String) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                    ((Number) r[5]).intValue()));
        }
        return Optional.of(new Story((String) h[0], (String) h[1], StoryAssigner.instant(h[2]), StoryAssigner.instant(h[3]),
                ((Number) h[4]).intValue(), ((Number) h[5]).intValue(), articles, sources, entities, timeline(id),
                cached != null ? cached : analyse(id, h[7], docs)));
    }

    /** The events of the story's articles in time order, the same event reported by several articles merged. */
    @SuppressWarnings("unchecked")
    private List<StoryEvent> timeline(String storyId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.type, array_to_string(e.participants, E'\\n'), e.place, e.time_text, e.time_start, e.time_end,
                       e.evidence, e.article_id, e.source_name
                FROM event e JOIN article a ON a.id = e.article_id
                WHERE a.story_id = ?1
                ORDER BY coalesce(e.time_start, CAST(e.sort_time AS date)), e.sort_time, e.id
                LIMIT 500
                """).setParameter(1, storyId).getResultList();
        Map<String, StoryEvent> merged = new LinkedHashMap<>();
        for (Object[] r : rows) {
            List<String> participants = r[1] == null || ((String) r[1]).isEmpty() ? List.of()
                    : Arrays.stream(((String) r[1]).split("\n")).sorted().toList();
            LocalDate start = date(r[4]);
            LocalDate end = date(r[5]);
            // one event when type, time and participants agree; undated events stay apart, per article
            String key = start == null ? "undated\u0000" + r[7] + "\u0000" + r[6]
                    : r[0] + "\u0000" + start + "\u0000" + end + "\u0000" + participants;
            StoryEvent e = merged.get(key);
            if (e == null) {
                merged.put(key, new StoryEvent((String) r[0], participants, (String) r[2], (String) r[3], start, end,
                        (String) r[6], new ArrayList<>(List.of((String) r[7])),
                        new ArrayList<>(r[8] == null ? List.of() : List.of((String) r[8]))));
            } else {
                if (!e.articleIds().contains((String) r[7])) {
                    e.articleIds().add((String) r[7]);
                }
                if (r[8] != null && !e.sources().contains((String) r[8])) {
                    e.sources().add((String) r[8]);
                }
            }
        }
        return List.copyOf(merged.values());
    }

    /** The stored disagreements, or null when there are none or they were computed by an older version. */
    private List<DisagreementFinder.Disagreement> stored(String storyId, String stored) {
        if (stored == null) {
            return null;
        }
        try {
            Analysis a = json.readValue(stored, Analysis.class);
            return a.version() == ANALYSIS_VERSION ? a.disagreements() : null;
        } catch (Exception e) {
            LOG.debugf("stored analysis of story %s unreadable, recomputing: %s", storyId, e.getMessage());
            return null;
        }
    }

    private List<DisagreementFinder.Disagreement> analyse(String storyId, Object updatedAt, List<DisagreementFinder.Doc> docs) {
        List<DisagreementFinder.Disagreement> found = new DisagreementFinder().find(docs);
        try {
            // only if the story did not change meanwhile (a new article clears the analysis in its own transaction)
            em.createNativeQuery("UPDATE story SET analysis = CAST(?2 AS jsonb), analysis_at = now() WHERE id = ?1 AND updated_at = ?3")
                    .setParameter(1, storyId).setParameter(3, Timestamp.from(StoryAssigner.instant(updatedAt))).setParameter(2, json.writeValueAsString(new Analysis(ANALYSIS_VERSION, found)))
                    .executeUpdate();
        } catch (Exception e) {
            LOG.warnf("could not store the analysis of story %s: %s", storyId, e.getMessage());
        }
        return found;
    }

    private Annotations annotations(String stored, String articleId) {
        try {
            return stored == null ? null : json.readValue(stored, Annotations.class);
        } catch (Exception e) {
            LOG.warnf("stored annotations of %s unreadable: %s", articleId, e.getMessage());
            return null;
        }
    }

    /** The first couple of sentences' worth of text, cut at a word. */
    static String lead(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= 280) {
            return t;
        }
        int cut = t.lastIndexOf(' ', 280);
        return t.substring(0, cut > 200 ? cut : 280) + "…";
    }

    private static LocalDate date(Object v) {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        return null;
    }
}
