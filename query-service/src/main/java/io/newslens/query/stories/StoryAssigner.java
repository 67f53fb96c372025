package io.newslens.query.stories;

import io.newslens.contracts.Annotations;
import io.newslens.query.config.QueryConfig;
import io.newslens.query.service.Vectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incremental story clustering: an arriving article joins the most similar story published within the time
 * window when their combined similarity (embedding cosine to the story centroid, and the overlap of the
 * salient people, organisations, places and equipment) passes the threshold; otherwise it starts a story.
 * Runs inside the article's transaction under an advisory lock, so concurrent writers cannot split a story.
 */
@ApplicationScoped
public class StoryAssigner {

    private static final Set<String> STORY_ENTITY_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "EQUIPMENT");

    @Inject
    EntityManager em;
    @Inject
    QueryConfig config;

    public String assign(String articleId, Instant time, float[] embedding, List<Annotations.Entity> entities, String title,
            String previousStory) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('story-assignment'))").getSingleResult();
        Map<String, Double> articleProfile = profile(entities);
        Instant from = time.minus(config.stories().window());
        Instant to = time.plus(config.stories().window());
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = em.createNativeQuery("""
                SELECT id, centroid FROM story
                WHERE last_published >= ?1 AND first_published <= ?2
                ORDER BY last_published DESC LIMIT 200
                """).setParameter(1, Timestamp.from(from)).setParameter(2, Timestamp.from(to)).getResultList();
        String best = null;
        double bestScore = -1;
        for (Object[] c : candidates) {
            String storyId = (String) c[0];
            double score = similarity(embedding, Vectors.fromBytes((byte[]) c[1]), articleProfile, storyProfile(storyId));
            if (score > bestScore) {
                bestScore = score;
                best = storyId;
            }
        }
        String storyId;
        if (best != null && bestScore >= config.stories().joinThreshold()) {
            storyId = best;
        } else {
            storyId = "s_" + articleId;
            em.createNativeQuery("""
                    INSERT INTO story (id, title, created_at, updated_at, first_published, last_published, article_count,
                        source_count, centroid)
                    VALUES (?1, ?2, now(), now(), ?3, ?3, 0, 0, ?4) ON CONFLICT (id) DO NOTHING
                    """).setParameter(1, storyId).setParameter(2, title).setParameter(3, Timestamp.from(time))
                    .setParameter(4, Vectors.toBytes(embedding)).executeUpdate();
        }
        em.createNativeQuery("UPDATE article SET story_id = ?1 WHERE id = ?2").setParameter(1, storyId)
                .setParameter(2, articleId).executeUpdate();
        refresh(storyId);
        if (previousStory != null && !previousStory.equals(storyId)) {
            refresh(previousStory);
        }
        return storyId;
    }

    /** The combined similarity of an article to a story, 0..1. */
    public double similarity(float[] articleEmbedding, float[] centroid, Map<String, Double> articleProfile,
            Map<String, Double> storyProfile) {
        double cosine = Math.max(0, Vectors.cosine(articleEmbedding, centroid));
        double overlap = weightedJaccard(articleProfile, storyProfile);
        double w = articleEmbedding == null || centroid == null ? 0 : config.stories().embeddingWeight();
        return w * cosine + (1 - w) * overlap;
    }

    /** Recomputes a story's centroid, time span, counts and title from its articles; drops it when empty. */
    public void refresh(String storyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> members = em.createNativeQuery(
                "SELECT embedding, sort_time, source_name, title FROM article WHERE story_id = ?1 ORDER BY sort_time")
                .setParameter(1, storyId).getResultList();
        if (members.isEmpty()) {
            em.createNativeQuery("DELETE FROM story WHERE id = ?1").setParameter(1, storyId).executeUpdate();
            return;
        }
        float[] sum = null;
        Set<String> sources = new java.util.HashSet<>();
        for (Object[] m : members) {
            float[] v = Vectors.fromBytes((byte[]) m[0]);
            if (v != null) {
                if (sum == null) {
                    sum = new float[v.length];
                }
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
            }
            if (m[2] != null) {
                sources.add((String) m[2]);
            }
        }
        em.createNativeQuery("""
                UPDATE story SET centroid = ?2, first_published = ?3, last_published = ?4, article_count = ?5,
                    source_count = ?6, updated_at = now(), title = coalesce(title, ?7), analysis = NULL, analysis_at = NULL
                WHERE id = ?1
                """).setParameter(1, storyId).setParameter(2, sum == null ? null : Vectors.toBytes(Vectors.normalize(sum)))
                .setParameter(3, toTimestamp(members.get(0)[1])).setParameter(4, toTimestamp(members.get(members.size() - 1)[1]))
                .setParameter(5, members.size()).setParameter(6, sources.size()).setParameter(7, members.get(0)[3])
                .executeUpdate();
    }

    private static Timestamp toTimestamp(Object value) {
        if (value instanceof Timestamp t) {
            return t;
        }
        if (value instanceof Instant i) {
            return Timestamp.from(i);
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return Timestamp.from(o.toInstant());
        }
        return null;
    }

    private Map<String, Double> storyProfile(String storyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT ae.entity_id, sum(ae.salience) FROM article_entity ae JOIN article a ON a.id = ae.article_id
                WHERE a.story_id = ?1 AND ae.entity_type IN ('PERSON', 'ORGANIZATION', 'LOCATION', 'EQUIPMENT')
                GROUP BY ae.entity_id
                """).setParameter(1, storyId).getResultList();
        Map<String, Double> profile = new HashMap<>();
        double total = 0;
        for (Object[] r : rows) {
            double w = ((Number) r[1]).doubleValue();
            profile.put((String) r[0], w);
            total += w;
        }
        if (total > 0) {
            for (Map.Entry<String, Double> e : profile.entrySet()) {
                e.setValue(e.getValue() / total);
            }
        }
        return profile;
    }

    public static Map<String, Double> profile(List<Annotations.Entity> entities) {
        Map<String, Double> profile = new HashMap<>();
        double total = 0;
        for (Annotations.Entity e : entities) {
            if (STORY_ENTITY_TYPES.contains(e.type())) {
                profile.merge(e.id(), e.salience(), Double::sum);
                total += e.salience();
            }
        }
        if (total > 0) {
            for (Map.Entry<String, Double> e : profile.entrySet()) {
                e.setValue(e.getValue() / total);
            }
        }
        return profile;
    }

    static double weightedJaccard(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double min = 0;
        double max = 0;
        Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            double x = a.getOrDefault(k, 0.0);
            double y = b.getOrDefault(k, 0.0);
            min += Math.min(x, y);
            max += Math.max(x, y);
        }
        return max == 0 ? 0 : min / max;
    }

    static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
