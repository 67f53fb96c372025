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
        // one probe of the band table's primary key (band, bucket, article_id) per band: 32 OR'd terms made the
        // planner build a bitmap of every term and cost a backend most of a core under batch load
        Short[] bands = new Short[buckets.length];
        Long[] values = new Long[buckets.length];
        for (int band = 0; band < buckets.length; band++) {
            bands[band] = (short) band;
            values[band] = buckets[band];
        }
        var query = em.createNativeQuery("SELECT a.id, a.minhash FROM article a WHERE a.id IN ("
                + "SELECT b.article_id FROM unnest(cast(?1 as smallint[]), cast(?2 as bigint[])) AS q(band, bucket)"
                + " JOIN article_minhash_band b ON b.band = q.band AND b.bucket = q.bucket) LIMIT 200");
        query.setParameter(1, arrayLiteral(bands));
        query.setParameter(2, arrayLiteral(values));
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

    /** A PostgreSQL array literal of numbers, cast to its type in the query. */
    private static String arrayLiteral(Number[] values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(values[i]);
        }
        return out.append('}').toString();
    }

    static String describe(long[] signature) {
        return Arrays.toString(Arrays.copyOf(signature, 4));
    }
}
