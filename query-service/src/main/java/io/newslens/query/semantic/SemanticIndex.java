package io.newslens.query.semantic;

import io.newslens.query.config.QueryConfig;
import io.newslens.query.service.Vectors;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * An in-process vector index of article embeddings (no pgvector package exists for this PostgreSQL), brute-force
 * cosine search over int8-quantised unit vectors kept in one contiguous array: 384 bytes per article, so a
 * million articles take about 400 MB and a full scan is a few hundred milliseconds on one core. It follows the
 * read model by polling for newly indexed and removed articles, which keeps every replica complete whichever
 * Kafka partitions it consumes.
 */
@ApplicationScoped
public class SemanticIndex {

    private static final Logger LOG = Logger.getLogger(SemanticIndex.class);
    private static final int DIM = 384;
    /**
     * Components of a 384-dimension unit vector are small (|x| rarely above 0.3), so they are scaled by 400
     * before rounding to a byte (clipped at ±0.3175): dot products keep about two significant digits, enough
     * to rank, and the top hits can be re-scored exactly by the caller.
     */
    private static final float SCALE = 400f;

    public record Neighbour(String id, double similarity, Instant sortTime) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    QueryConfig config;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private byte[] vectors = new byte[DIM * 1024];
    private String[] ids = new String[1024];
    private long[] times = new long[1024];
    private int size;
    private final Map<String, Integer> slots = new HashMap<>();
    private Instant watermark = Instant.EPOCH;
    private Instant removedWatermark = Instant.EPOCH;
    private volatile boolean loaded;

    public boolean loaded() {
        return loaded;
    }

    public int size() {
        return size;
    }

    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() {
        if (!config.semantic().enabled()) {
            return;
        }
        try {
            refresh();
            loaded = true;
        } catch (Exception e) {
            LOG.debugf("semantic index refresh failed: %s", e.getMessage());
        }
    }

    /** Pulls articles indexed since the last refresh, and drops removed ones. */
    public void refresh() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            Instant newest = watermark;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, embedding, sort_time, indexed_at FROM article
                    WHERE indexed_at > ? AND embedding IS NOT NULL ORDER BY indexed_at LIMIT 20000
                    """)) {
                // re-read a short overlap: rows committed late with an earlier indexed_at are not missed
                ps.setTimestamp(1, Timestamp.from(watermark.minusSeconds(5)));
                ps.setFetchSize(2000);
                c.setAutoCommit(false);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        put(rs.getString(1), Vectors.fromBytes(rs.getBytes(2)), rs.getTimestamp(3).toInstant());
                        Instant at = rs.getTimestamp(4).toInstant();
                        if (at.isAfter(newest)) {
                            newest = at;
                        }
                    }
                }
                c.commit();
            }
            watermark = newest;
            Instant newestRemoval = removedWatermark;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, removed_at FROM removed_article WHERE removed_at > ? ORDER BY removed_at")) {
                ps.setTimestamp(1, Timestamp.from(removedWatermark.minusSeconds(5)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        remove(rs.getString(1));
                        Instant at = rs.getTimestamp(2).toInstant();
                        if (at.isAfter(newestRemoval)) {
                            newestRemoval = at;
                        }
                    }
                }
                c.commit();
            }
            removedWatermark = newestRemoval;
        }
    }

    void put(String id, float[] vector, Instant sortTime) {
        if (vector == null || vector.length != DIM) {
            return;
        }
        byte[] q = quantize(vector);
        lock.writeLock().lock();
        try {
            Integer slot = slots.get(id);
            if (slot == null) {
                if (size == ids.length) {
                    int capacity = ids.length * 2;
                    vectors = Arrays.copyOf(vectors, capacity * DIM);
                    ids = Arrays.copyOf(ids, capacity);
                    times = Arrays.copyOf(times, capacity);
                }
                slot = size++;
                slots.put(id, slot);
            }
            System.arraycopy(q, 0, vectors, slot * DIM, DIM);
            ids[slot] = id;
            times[slot] = sortTime.toEpochMilli();
        } finally {
            lock.writeLock().unlock();
        }
    }

    void remove(String id) {
        lock.writeLock().lock();
        try {
            Integer slot = slots.remove(id);
            if (slot == null) {
                return;
            }
            int last = --size;
            if (slot != last) {
                System.arraycopy(vectors, last * DIM, vectors, slot * DIM, DIM);
                ids[slot] = ids[last];
                times[slot] = times[last];
                slots.put(ids[slot], slot);
            }
            ids[last] = null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The k most similar articles to a unit query vector, optionally within a time range. */
    public List<Neighbour> nearest(float[] query, int k, double minSimilarity, Instant from, Instant to) {
        byte[] q = quantize(query);
        long lo = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long hi = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        PriorityQueue<long[]> top = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        lock.readLock().lock();
        try {
            for (int i = 0; i < size; i++) {
                if (times[i] < lo || times[i] >= hi) {
                    continue;
                }
                int base = i * DIM;
                long dot = 0;
                for (int d = 0; d < DIM; d++) {
                    dot += q[d] * vectors[base + d];
                }
                if (top.size() < k) {
                    top.add(new long[] {dot, i});
                } else if (dot > top.peek()[0]) {
                    top.poll();
                    top.add(new long[] {dot, i});
                }
            }
            List<Neighbour> out = new ArrayList<>();
            for (long[] e : top) {
                double similarity = e[0] / ((double) SCALE * SCALE);
                if (similarity >= minSimilarity) {
                    int slot = (int) e[1];
                    out.add(new Neighbour(ids[slot], similarity, Instant.ofEpochMilli(times[slot])));
                }
            }
            out.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    static byte[] quantize(float[] v) {
        byte[] out = new byte[DIM];
        for (int i = 0; i < DIM; i++) {
            out[i] = (byte) Math.max(-127, Math.min(127, Math.round(v[i] * SCALE)));
        }
        return out;
    }
}
