package io.newslens.query.stories;

import io.newslens.contracts.Annotations;
import io.newslens.query.service.Vectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Incremental story clustering against the read model, taking the decisions {@link StoryClusterer} takes in memory
 * (the one the evaluation scores): an arriving article joins the most similar story within the time window when the
 * {@link StorySimilarity} score reaches the join threshold, else it starts a story; then the story it landed in absorbs
 * every story within the window that has become similar enough (a bridging article can join two halves of one event
 * that arrived in an unlucky order). Entity weights use inverse document frequencies from the entity table, so common
 * names ("United States") weigh little. Runs inside the article's transaction under an advisory lock, so concurrent
 * writers cannot split a story.
 */
@ApplicationScoped
public class StoryAssigner {

    @Inject
    EntityManager em;
    @Inject
    StoryConfig config;

    /** Assigns a freshly written article (its row and article_entity rows exist) and returns its story id. */
    public String assign(String articleId, Instant time, String text, Annotations annotations, String title,
            String previousStory) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('story-assignment'))").getSingleResult();
        ArticleProfile article = ArticleProfile.of(articleId, time, text, annotations);
        em.createNativeQuery("UPDATE article SET story_places = CAST(?2 AS text[]), story_names = CAST(?3 AS text[]) WHERE id = ?1")
                .setParameter(1, articleId).setParameter(2, arrayLiteral(article.places()))
                .setParameter(3, arrayLiteral(article.names())).executeUpdate();

        if (previousStory != null) {
            // the article's earlier version has left its story: compare against the story as it is now
            rebuildEntities(previousStory);
        }
        StoryClusterer.Settings settings = config.settings();
        StorySimilarity similarity = new StorySimilarity(settings.embeddingWeight(), settings.placePenalty());
        List<StoryProfile> candidates = load(candidates(time, time, article.entities().keySet(), null));
        StorySimilarity.Idf idf = idf(entityIds(article.entities().keySet(), candidates));

        StoryProfile best = null;
        double bestScore = -1;
        candidates.sort(StoryClusterer.OLDER_FIRST);
        for (StoryProfile s : candidates) {
            if (!StorySimilarity.within(time, s, settings.window())) {
                continue;
            }
            double score = similarity.score(article, s, idf);
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
        }
        String storyId;
        if (best != null && bestScore >= settings.joinThreshold()) {
            storyId = best.id();
        } else {
            storyId = newStoryId(articleId);
            em.createNativeQuery("""
                    INSERT INTO story (id, title, created_at, updated_at, first_published, last_published, article_count,
                        source_count, centroid)
                    VALUES (?1, ?2, now(), now(), ?3, ?3, 0, 0, ?4) ON CONFLICT (id) DO NOTHING
                    """).setParameter(1, storyId).setParameter(2, title).setParameter(3, Timestamp.from(time))
                    .setParameter(4, Vectors.toBytes(annotations == null ? null : annotations.embedding())).executeUpdate();
        }
        em.createNativeQuery("UPDATE article SET story_id = ?1 WHERE id = ?2").setParameter(1, storyId)
                .setParameter(2, articleId).executeUpdate();
        addEntities(storyId, articleId);
        refreshSpan(storyId);
        storyId = mergeAround(storyId, similarity, settings);
        if (previousStory != null && !previousStory.equals(storyId)) {
            refresh(previousStory);
        }
        return storyId;
    }

    /** Merges every similar story within the window into the story (or it into the older one), until none is left. */
    private String mergeAround(String storyId, StorySimilarity similarity, StoryClusterer.Settings settings) {
        if (settings.mergeThreshold() > 1) {
            return storyId;
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            StoryProfile self = load(List.of(storyId)).get(0);
            List<StoryProfile> others = load(candidates(self.first(), self.last(), self.entityWeights().keySet(), storyId));
            others.sort(StoryClusterer.OLDER_FIRST);
            StorySimilarity.Idf idf = idf(entityIds(self.entityWeights().keySet(), others));
            for (StoryProfile other : others) {
                if (StorySimilarity.within(self, other, settings.window())
                        && similarity.score(self, other, idf) >= settings.mergeThreshold()) {
                    StoryProfile survivor = StoryClusterer.OLDER_FIRST.compare(self, other) <= 0 ? self : other;
                    StoryProfile gone = survivor == self ? other : self;
                    em.createNativeQuery("UPDATE article SET story_id = ?1 WHERE story_id = ?2").setParameter(1, survivor.id())
                            .setParameter(2, gone.id()).executeUpdate();
                    mergeEntities(survivor.id(), gone.id());
                    em.createNativeQuery("DELETE FROM story WHERE id = ?1").setParameter(1, gone.id()).executeUpdate();
                    refreshSpan(survivor.id());
                    storyId = survivor.id();
                    merged = true;
                    break;
                }
            }
        }
        return storyId;
    }

    /**
     * Stories whose span comes within the window of {@code from..to}: first those sharing the most entities with the
     * given ones (distinct entities, then member mentions, from the stored story profiles), then the latest, at most
     * {@link StoryConfig#maxCandidates()}. Distinct entities first: a small story sharing four rare names with the
     * article must not be crowded out by large stories that merely all mention "United States".
     */
    @SuppressWarnings("unchecked")
    private List<String> candidates(Instant from, Instant to, Collection<String> entityIds, String except) {
        StoryClusterer.Settings settings = config.settings();
        return em.createNativeQuery("""
                WITH window_stories AS MATERIALIZED (
                    SELECT s.id, s.last_published FROM story s
                    WHERE s.last_published >= ?1 AND s.first_published <= ?2 AND s.id <> ?4)
                SELECT w.id FROM window_stories w
                LEFT JOIN (SELECT se.story_id, count(*) AS entities, sum(se.articles) AS mentions FROM story_entity se
                           WHERE se.entity_id = ANY(CAST(?3 AS varchar[]))
                             AND se.story_id IN (SELECT id FROM window_stories)
                           GROUP BY se.story_id) m ON m.story_id = w.id
                ORDER BY coalesce(m.entities, 0) DESC, coalesce(m.mentions, 0) DESC, w.last_published DESC, w.id
                LIMIT ?5
                """).setParameter(1, Timestamp.from(from.minus(settings.window())))
                .setParameter(2, Timestamp.from(to.plus(settings.window())))
                .setParameter(3, arrayLiteral(entityIds)).setParameter(4, except == null ? "" : except)
                .setParameter(5, config.maxCandidates()).getResultList();
    }

    /** The stored profiles of stories: span, size, centroid, summed entity salience, event places and names. */
    @SuppressWarnings("unchecked")
    List<StoryProfile> load(List<String> storyIds) {
        if (storyIds.isEmpty()) {
            return new ArrayList<>();
        }
        String ids = arrayLiteral(storyIds);
        Map<String, Object[]> heads = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "SELECT id, first_published, last_published, article_count, centroid FROM story WHERE id = ANY(CAST(?1 AS varchar[]))")
                .setParameter(1, ids).getResultList()) {
            heads.put((String) r[0], r);
        }
        Map<String, Map<String, Double>> weights = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "SELECT story_id, entity_id, weight FROM story_entity WHERE story_id = ANY(CAST(?1 AS varchar[]))")
                .setParameter(1, ids).getResultList()) {
            weights.computeIfAbsent((String) r[0], k -> new TreeMap<>()).put((String) r[1], ((Number) r[2]).doubleValue());
        }
        Map<String, Map<String, Integer>> places = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT a.story_id, p.place, count(*) FROM article a CROSS JOIN LATERAL unnest(a.story_places) AS p(place)
                WHERE a.story_id = ANY(CAST(?1 AS varchar[])) GROUP BY a.story_id, p.place
                """).setParameter(1, ids).getResultList()) {
            places.computeIfAbsent((String) r[0], k -> new TreeMap<>()).put((String) r[1], ((Number) r[2]).intValue());
        }
        Map<String, Set<String>> names = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                SELECT DISTINCT a.story_id, n.name FROM article a CROSS JOIN LATERAL unnest(a.story_names) AS n(name)
                WHERE a.story_id = ANY(CAST(?1 AS varchar[]))
                """).setParameter(1, ids).getResultList()) {
            names.computeIfAbsent((String) r[0], k -> new TreeSet<>()).add((String) r[1]);
        }
        List<StoryProfile> out = new ArrayList<>();
        for (String id : storyIds) {
            Object[] h = heads.get(id);
            if (h == null) {
                continue;
            }
            out.add(StoryProfile.stored(id, instant(h[1]), instant(h[2]), ((Number) h[3]).intValue(),
                    Vectors.fromBytes((byte[]) h[4]), weights.getOrDefault(id, Map.of()), places.getOrDefault(id, Map.of()),
                    names.getOrDefault(id, Set.of())));
        }
        return out;
    }

    /** Inverse document frequencies of the given entities, from the read model's article counts. */
    @SuppressWarnings("unchecked")
    private StorySimilarity.Idf idf(Set<String> entityIds) {
        long documents = articleCount();
        Map<String, Long> df = new HashMap<>();
        if (!entityIds.isEmpty()) {
            for (Object[] r : (List<Object[]>) em.createNativeQuery(
                    "SELECT id, article_count FROM entity WHERE id = ANY(CAST(?1 AS varchar[]))")
                    .setParameter(1, arrayLiteral(entityIds)).getResultList()) {
                df.put((String) r[0], ((Number) r[1]).longValue());
            }
        }
        Map<String, Double> cache = new HashMap<>();
        return id -> cache.computeIfAbsent(id, k -> StorySimilarity.idf(documents, df.getOrDefault(k, 1L)));
    }

    /** The number of articles: the planner's estimate on a large table (exact enough for idf), else counted. */
    private long articleCount() {
        Number estimate = (Number) em.createNativeQuery("SELECT reltuples FROM pg_class WHERE oid = 'article'::regclass")
                .getSingleResult();
        if (estimate != null && estimate.longValue() > 50_000) {
            return estimate.longValue();
        }
        return ((Number) em.createNativeQuery("SELECT count(*) FROM article").getSingleResult()).longValue();
    }

    private static Set<String> entityIds(Set<String> own, List<StoryProfile> stories) {
        Set<String> ids = new HashSet<>(own);
        stories.forEach(s -> ids.addAll(s.entityWeights().keySet()));
        return ids;
    }

    /**
     * Recomputes everything stored about a story from its articles, after one has left it (a takedown, a newer version);
     * drops it when empty.
     */
    public void refresh(String storyId) {
        // serialised with assignments, which add to the same stored profile
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('story-assignment'))").getSingleResult();
        rebuildEntities(storyId);
        refreshSpan(storyId);
    }

    /** Adds a member's story entities to the story's entity profile. */
    private void addEntities(String storyId, String articleId) {
        em.createNativeQuery("""
                INSERT INTO story_entity (story_id, entity_id, weight, articles)
                SELECT ?1, ae.entity_id, ae.salience, 1 FROM article_entity ae
                WHERE ae.article_id = ?2 AND ae.entity_type = ANY(CAST(?3 AS varchar[])) AND ae.salience > 0
                ON CONFLICT (story_id, entity_id) DO UPDATE SET weight = story_entity.weight + EXCLUDED.weight,
                    articles = story_entity.articles + EXCLUDED.articles
                """).setParameter(1, storyId).setParameter(2, articleId)
                .setParameter(3, arrayLiteral(ArticleProfile.STORY_ENTITY_TYPES)).executeUpdate();
    }

    /** Adds the entity profile of a story being merged away to the surviving story's (the story row's delete drops it). */
    private void mergeEntities(String survivorId, String goneId) {
        em.createNativeQuery("""
                INSERT INTO story_entity (story_id, entity_id, weight, articles)
                SELECT ?1, entity_id, weight, articles FROM story_entity WHERE story_id = ?2
                ON CONFLICT (story_id, entity_id) DO UPDATE SET weight = story_entity.weight + EXCLUDED.weight,
                    articles = story_entity.articles + EXCLUDED.articles
                """).setParameter(1, survivorId).setParameter(2, goneId).executeUpdate();
    }

    /** Recomputes a story's entity profile from its members' article_entity rows. */
    private void rebuildEntities(String storyId) {
        em.createNativeQuery("DELETE FROM story_entity WHERE story_id = ?1").setParameter(1, storyId).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO story_entity (story_id, entity_id, weight, articles)
                SELECT a.story_id, ae.entity_id, sum(ae.salience), count(*) FROM article_entity ae
                JOIN article a ON a.id = ae.article_id
                WHERE a.story_id = ?1 AND ae.entity_type = ANY(CAST(?2 AS varchar[])) AND ae.salience > 0
                GROUP BY a.story_id, ae.entity_id
                """).setParameter(1, storyId).setParameter(2, arrayLiteral(ArticleProfile.STORY_ENTITY_TYPES)).executeUpdate();
    }

    /** Recomputes a story's centroid, time span, counts and title from its articles; drops it when empty. */
    private void refreshSpan(String storyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> members = em.createNativeQuery(
                "SELECT embedding, sort_time, source_name, title FROM article WHERE story_id = ?1 ORDER BY sort_time, id")
                .setParameter(1, storyId).getResultList();
        if (members.isEmpty()) {
            em.createNativeQuery("DELETE FROM story WHERE id = ?1").setParameter(1, storyId).executeUpdate();
            return;
        }
        float[] sum = null;
        Set<String> sources = new HashSet<>();
        String title = null;
        for (Object[] m : members) {
            float[] v = Vectors.fromBytes((byte[]) m[0]);
            if (v != null) {
                if (sum == null) {
                    sum = new float[v.length];
                }
                if (v.length == sum.length) {
                    for (int i = 0; i < v.length; i++) {
                        sum[i] += v[i];
                    }
                }
            }
            if (m[2] != null) {
                sources.add((String) m[2]);
            }
            if (title == null && m[3] != null && !((String) m[3]).isBlank()) {
                title = (String) m[3];
            }
        }
        // the title is the earliest report's headline, so it stays put as later reports arrive
        em.createNativeQuery("""
                UPDATE story SET centroid = ?2, first_published = ?3, last_published = ?4, article_count = ?5,
                    source_count = ?6, updated_at = now(), title = ?7, analysis = NULL, analysis_at = NULL
                WHERE id = ?1
                """).setParameter(1, storyId).setParameter(2, sum == null ? null : Vectors.toBytes(Vectors.normalize(sum)))
                .setParameter(3, timestamp(members.get(0)[1])).setParameter(4, timestamp(members.get(members.size() - 1)[1]))
                .setParameter(5, members.size()).setParameter(6, sources.size()).setParameter(7, title)
                .executeUpdate();
    }

    private String newStoryId(String articleId) {
        String id = "s_" + articleId;
        return id.length() <= 40 ? id : "s_" + hash(articleId).substring(0, 38);
    }

    static String hash(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String arrayLiteral(Collection<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (String v : values) {
            if (v == null) {
                continue;
            }
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }

    private static Timestamp timestamp(Object value) {
        Instant i = instant(value);
        return i == null ? null : Timestamp.from(i);
    }
}
