package io.newslens.ingest.service;

import io.newslens.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Recognises near duplicates (the same wire story re-published with another headline or a changed
 * paragraph) through MinHash LSH buckets stored beside the articles.
 */
@ApplicationScoped
public class NearDuplicates {

    public record Match(String articleId, double similarity) {
    }

    @Inject
    EntityManager em;

    @Inject
    IngestConfig config;

    public Optional<Match> bestMatch(long[] signature) {
        long[] buckets = MinHasher.bandBuckets(signature);
        StringBuilder sql = new StringBuilder("SELECT a.id, a.minhash FROM article a WHERE a.id IN ("
                + "SELECT DISTINCT b.article_id FROM article_minhash_band b WHERE ");
        for (int band = 0; band < buckets.length; band++) {
            sql.append(band == 0 ? "" : " OR ").append("(b.band = ").append(band).append(" AND b.bucket = ?")
                    .append(band + 1).append(")");
        }
        sql.append(") LIMIT 200");
        var query = em.createNativeQuery(sql.toString());
        for (int band = 0; band < buckets.length; band++) {
            query.setParameter(band + 1, buckets[band]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Match best = null;
        for (Object[] row : rows) {
            byte[] other = (byte[]) row[1];
            if (other == null) {
                continue;
            }
            double similarity = MinHasher.similarity(signature, MinHasher.fromBytes(other));
            if (similarity >= config.dedup().nearDuplicateThreshold() && (best == null || similarity > best.similarity())) {
                best = new Match((String) row[0], similarity);
            }
        }
        return Optional.ofNullable(best);
    }

    public void index(String articleId, long[] signature) {
        long[] buckets = MinHasher.bandBuckets(signature);
        StringBuilder sql = new StringBuilder("INSERT INTO article_minhash_band (band, bucket, article_id) VALUES ");
        for (int band = 0; band < buckets.length; band++) {
            sql.append(band == 0 ? "" : ", ").append("(").append(band).append(", ?").append(band + 1).append(", ?")
                    .append(buckets.length + 1).append(")");
        }
        sql.append(" ON CONFLICT DO NOTHING");
        var query = em.createNativeQuery(sql.toString());
        for (int band = 0; band < buckets.length; band++) {
            query.setParameter(band + 1, buckets[band]);
        }
        query.setParameter(buckets.length + 1, articleId);
        query.executeUpdate();
    }

    static String describe(long[] signature) {
        return Arrays.toString(Arrays.copyOf(signature, 4));
    }
}
