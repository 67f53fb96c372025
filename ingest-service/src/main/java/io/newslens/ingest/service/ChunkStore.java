package io.newslens.ingest.service;

import io.agroal.api.AgroalDataSource;
import io.newslens.contracts.ArticleIngested;
import io.newslens.contracts.Topics;
import io.newslens.ingest.config.IngestConfig;
import io.newslens.ingest.mapping.ArticleEvents;
import io.newslens.ingest.model.Article;
import io.newslens.ingest.rest.IngestResult;
import io.newslens.ingest.tracing.TraceContexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a chunk of prepared articles (the NDJSON batch path) with a fixed number of statements per chunk instead of
 * several per article: one exact-duplicate lookup, one near-duplicate candidate lookup (the chunk's MinHash band
 * buckets joined to the band table's primary key), then JDBC batches for the articles and outbox rows and one
 * array insert for the band rows. Must run inside the caller's transaction, so every article is written with its
 * outbox row or not at all. The answers are those of storing the articles one after another: an article repeated
 * within the chunk answers the first one's id, and an article nearly repeating an earlier one of the same chunk is
 * flagged with it.
 */
@ApplicationScoped
public class ChunkStore {

    /** The most candidate rows a chunk reads per article, as the single-article lookup reads at most 200. */
    private static final int CANDIDATES_PER_ARTICLE = 200;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    IngestConfig config;
    @Inject
    ArticleEvents events;

    private record Existing(String id, String title, String language, Instant publishedAt) {
    }

    private record Candidate(String id, long[] signature) {
    }

    /** A MinHash LSH bucket of one band: candidates must share both. */
    private record BandBucket(int band, long bucket) {
    }

    /** Stores the chunk in the current transaction; SQL failures surface as {@link PersistenceException}. */
    public List<IngestResult> store(List<IngestionService.Prepared> prepared, String principal,
            java.util.function.Function<String, String> statusUrl) {
        try (Connection c = dataSource.getConnection()) {
            return store(c, prepared, principal, statusUrl);
        } catch (SQLException e) {
            throw new PersistenceException("storing a chunk of " + prepared.size() + " articles failed: " + e.getMessage(), e);
        }
    }

    private List<IngestResult> store(Connection c, List<IngestionService.Prepared> prepared, String principal,
            java.util.function.Function<String, String> statusUrl) throws SQLException {
        Map<String, Existing> storedByUrl = new HashMap<>();
        Map<String, Existing> storedByHash = new HashMap<>();
        findExisting(c, prepared, storedByUrl, storedByHash);

        // decide, in input order, what each article is: a repeat within the chunk, an exact duplicate, or new
        IngestResult[] results = new IngestResult[prepared.size()];
        Map<String, IngestResult> seen = new HashMap<>();
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            IngestionService.Prepared p = prepared.get(i);
            IngestResult earlier = seen.get("t:" + p.textHash());
            if (earlier == null && p.normalizedUrl() != null) {
                earlier = seen.get("u:" + p.normalizedUrl());
            }
            if (earlier != null) {
                results[i] = new IngestResult(earlier.id(), IngestResult.DUPLICATE, earlier.statusUrl(), earlier.id(), null,
                        null, earlier.title(), earlier.language(), earlier.publishedAt());
                continue;
            }
            Existing stored = p.normalizedUrl() != null ? storedByUrl.get(p.normalizedUrl()) : null;
            if (stored == null) {
                stored = storedByHash.get(p.textHash());
            }
            if (stored != null) {
                results[i] = new IngestResult(stored.id(), IngestResult.DUPLICATE, statusUrl.apply(stored.id()), stored.id(),
                        null, null, stored.title(), stored.language(),
                        stored.publishedAt() == null ? null : stored.publishedAt().toString());
            } else {
                // placeholder so later repeats in the chunk find it; replaced below with the stored answer
                results[i] = new IngestResult(p.id(), IngestResult.ACCEPTED, statusUrl.apply(p.id()), null, null, null,
                        p.title(), p.language(), p.publishedAt() == null ? null : p.publishedAt().toString());
                fresh.add(i);
            }
            seen.put("t:" + p.textHash(), results[i]);
            if (p.normalizedUrl() != null) {
                seen.put("u:" + p.normalizedUrl(), results[i]);
            }
        }
        if (fresh.isEmpty()) {
            return List.of(results);
        }

        // near duplicates: one candidate query for the whole chunk, then earlier articles of the chunk itself
        long[][] signatures = new long[fresh.size()][];
        long[][] buckets = new long[fresh.size()][];
        for (int k = 0; k < fresh.size(); k++) {
            signatures[k] = MinHasher.signature(prepared.get(fresh.get(k)).text());
            buckets[k] = MinHasher.bandBuckets(signatures[k]);
        }
        Map<BandBucket, List<Candidate>> candidatesByBandBucket = findCandidates(c, buckets);
        double threshold = config.dedup().nearDuplicateThreshold();
        String[] nearOf = new String[fresh.size()];
        double[] nearSimilarity = new double[fresh.size()];
        for (int k = 0; k < fresh.size(); k++) {
            Map<String, Candidate> candidates = new LinkedHashMap<>();
            for (int band = 0; band < MinHasher.BANDS; band++) {
                List<Candidate> list = candidatesByBandBucket.get(key(band, buckets[k][band]));
                if (list != null) {
                    for (Candidate candidate : list) {
                        candidates.putIfAbsent(candidate.id(), candidate);
                    }
                }
            }
            String best = null;
            double bestSimilarity = 0;
            for (Candidate candidate : candidates.values()) {
                double similarity = MinHasher.similarity(signatures[k], candidate.signature());
                if (similarity >= threshold && (best == null || similarity > bestSimilarity)) {
                    best = candidate.id();
                    bestSimilarity = similarity;
                }
            }
            nearOf[k] = best;
            nearSimilarity[k] = bestSimilarity;
            // this article is a candidate for the chunk's later articles, as it would be once stored
            Candidate self = new Candidate(prepared.get(fresh.get(k)).id(), signatures[k]);
            for (int band = 0; band < MinHasher.BANDS; band++) {
                candidatesByBandBucket.computeIfAbsent(key(band, buckets[k][band]), x -> new ArrayList<>()).add(self);
            }
        }

        Instant now = Instant.now();
        String traceparent = TraceContexts.currentTraceparent();
        try (PreparedStatement articles = c.prepareStatement("INSERT INTO article (id, url, normalized_url, canonical_url,"
                + " source_name, source_domain, title, byline, published_at, published_at_source, language, text, text_hash,"
                + " photo_credits, input_kind, feed_id, submitted_by, duplicate_of, duplicate_similarity, minhash,"
                + " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement outbox = c.prepareStatement("INSERT INTO outbox_event (aggregate_id, topic, event_type,"
                        + " payload, created_at, attempts, next_attempt_at, traceparent) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")) {
            Short[] bandColumn = new Short[fresh.size() * MinHasher.BANDS];
            Long[] bucketColumn = new Long[bandColumn.length];
            String[] idColumn = new String[bandColumn.length];
            for (int k = 0; k < fresh.size(); k++) {
                int i = fresh.get(k);
                IngestionService.Prepared p = prepared.get(i);
                Article a = IngestionService.toArticle(p, principal, null, signatures[k], now);
                if (nearOf[k] != null) {
                    a.duplicateOf = nearOf[k];
                    a.duplicateSimilarity = (float) nearSimilarity[k];
                }
                bindArticle(articles, a);
                articles.addBatch();
                ArticleIngested event = events.ingested(a, a.ingestedAt);
                outbox.setString(1, a.id);
                outbox.setString(2, Topics.ARTICLES_INGESTED);
                outbox.setString(3, ArticleIngested.EVENT_TYPE);
                outbox.setString(4, events.toJson(event));
                outbox.setObject(5, utc(now));
                outbox.setObject(6, utc(now));
                outbox.setString(7, traceparent);
                outbox.addBatch();
                for (int band = 0; band < MinHasher.BANDS; band++) {
                    int row = k * MinHasher.BANDS + band;
                    bandColumn[row] = (short) band;
                    bucketColumn[row] = buckets[k][band];
                    idColumn[row] = a.id;
                }
                results[i] = new IngestResult(a.id, IngestResult.ACCEPTED, statusUrl.apply(a.id), null, a.duplicateOf,
                        nearOf[k] == null ? null : nearSimilarity[k], a.title, a.language,
                        a.publishedAt == null ? null : a.publishedAt.toString());
            }
            articles.executeBatch();
            try (PreparedStatement bands = c.prepareStatement("INSERT INTO article_minhash_band (band, bucket, article_id)"
                    + " SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::varchar[]) ON CONFLICT DO NOTHING")) {
                bands.setArray(1, c.createArrayOf("int2", bandColumn));
                bands.setArray(2, c.createArrayOf("int8", bucketColumn));
                bands.setArray(3, c.createArrayOf("varchar", idColumn));
                bands.executeUpdate();
            }
            outbox.executeBatch();
        }
        return List.of(results);
    }

    /** The stored articles with any of the chunk's normalised URLs or text hashes. */
    private static void findExisting(Connection c, List<IngestionService.Prepared> prepared, Map<String, Existing> byUrl,
            Map<String, Existing> byHash) throws SQLException {
        List<String> urls = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (IngestionService.Prepared p : prepared) {
            hashes.add(p.textHash());
            if (p.normalizedUrl() != null) {
                urls.add(p.normalizedUrl());
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id, title, language, published_at, normalized_url, text_hash"
                + " FROM article WHERE text_hash = ANY(CAST(? AS bpchar[])) OR normalized_url = ANY(?)")) {
            // bpchar[] like the column, so the unique index on text_hash serves the lookup
            Array hashArray = c.createArrayOf("text", hashes.toArray());
            Array urlArray = c.createArrayOf("text", urls.toArray());
            s.setArray(1, hashArray);
            s.setArray(2, urlArray);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime published = rs.getObject(4, OffsetDateTime.class);
                    Existing e = new Existing(rs.getString(1), rs.getString(2), rs.getString(3),
                            published == null ? null : published.toInstant());
                    String url = rs.getString(5);
                    if (url != null) {
                        byUrl.put(url, e);
                    }
                    byHash.put(rs.getString(6), e);
                }
            }
        }
    }

    /** Stored articles sharing a (band, bucket) pair with any article of the chunk, keyed by that pair. */
    private static Map<BandBucket, List<Candidate>> findCandidates(Connection c, long[][] buckets) throws SQLException {
        Short[] bands = new Short[buckets.length * MinHasher.BANDS];
        Long[] values = new Long[bands.length];
        for (int k = 0; k < buckets.length; k++) {
            for (int band = 0; band < MinHasher.BANDS; band++) {
                bands[k * MinHasher.BANDS + band] = (short) band;
                values[k * MinHasher.BANDS + band] = buckets[k][band];
            }
        }
        Map<BandBucket, List<Candidate>> out = new HashMap<>();
        Map<String, long[]> signatures = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT b.band, b.bucket, a.id, a.minhash"
                + " FROM unnest(?::smallint[], ?::bigint[]) AS q(band, bucket)"
                + " JOIN article_minhash_band b ON b.band = q.band AND b.bucket = q.bucket"
                + " JOIN article a ON a.id = b.article_id LIMIT ?")) {
            s.setArray(1, c.createArrayOf("int2", bands));
            s.setArray(2, c.createArrayOf("int8", values));
            s.setInt(3, CANDIDATES_PER_ARTICLE * buckets.length);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byte[] minhash = rs.getBytes(4);
                    if (minhash == null) {
                        continue;
                    }
                    String id = rs.getString(3);
                    long[] signature = signatures.computeIfAbsent(id, x -> MinHasher.fromBytes(minhash));
                    out.computeIfAbsent(key(rs.getShort(1), rs.getLong(2)), x -> new ArrayList<>())
                            .add(new Candidate(id, signature));
                }
            }
        }
        return out;
    }

    private static BandBucket key(int band, long bucket) {
        return new BandBucket(band, bucket);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static void bindArticle(PreparedStatement s, Article a) throws SQLException {
        s.setString(1, a.id);
        s.setString(2, a.url);
        s.setString(3, a.normalizedUrl);
        s.setString(4, a.canonicalUrl);
        s.setString(5, a.sourceName);
        s.setString(6, a.sourceDomain);
        s.setString(7, a.title);
        s.setString(8, a.byline);
        s.setObject(9, utc(a.publishedAt));
        s.setString(10, a.publishedAtSource);
        s.setString(11, a.language);
        s.setString(12, a.text);
        s.setString(13, a.textHash);
        s.setString(14, a.photoCredits);
        s.setString(15, a.inputKind);
        if (a.feedId == null) {
            s.setNull(16, Types.BIGINT);
        } else {
            s.setLong(16, a.feedId);
        }
        s.setString(17, a.submittedBy);
        s.setString(18, a.duplicateOf);
        if (a.duplicateSimilarity == null) {
            s.setNull(19, Types.REAL);
        } else {
            s.setFloat(19, a.duplicateSimilarity);
        }
        s.setBytes(20, a.minhash);
        s.setObject(21, utc(a.ingestedAt));
    }
}
