package io.newslens.query.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.query.search.SearchRequest;
import io.newslens.query.search.SearchService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Pushes each newly searchable article to the live streams of the saved searches it matches. It follows the
 * read model by polling for articles indexed since its last look (once a second, only while someone listens),
 * so a stream receives matches whichever replica indexed them.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);

    /** One new matching article, as a stream event. */
    public record AlertHit(String alertId, String id, String title, String source, String publishedAt, String url,
            String storyId) {
    }

    private static final class Subscription {
        final BroadcastProcessor<AlertHit> processor = BroadcastProcessor.create();
        final AtomicInteger listeners = new AtomicInteger();
        volatile SearchRequest request;
    }

    @Inject
    DataSource dataSource;
    @Inject
    SearchService search;
    @Inject
    ObjectMapper json;

    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> delivered = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 50_000;
        }
    });
    private volatile Instant watermark = Instant.now();

    public Multi<AlertHit> stream(String alertId, SearchRequest request) {
        Subscription s = subscriptions.computeIfAbsent(alertId, k -> new Subscription());
        s.request = request;
        return s.processor
                .onSubscription().invoke(() -> s.listeners.incrementAndGet())
                .onTermination().invoke(() -> {
                    if (s.listeners.decrementAndGet() <= 0) {
                        subscriptions.remove(alertId, s);
                    }
                });
    }

    public void forget(String alertId) {
        Subscription s = subscriptions.remove(alertId);
        if (s != null) {
            s.processor.onComplete();
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        if (subscriptions.isEmpty()) {
            watermark = Instant.now();
            return;
        }
        try {
            Map<String, AlertHit> fresh = newlyIndexed();
            if (fresh.isEmpty()) {
                return;
            }
            List<String> ids = new ArrayList<>(fresh.keySet());
            for (Map.Entry<String, Subscription> e : subscriptions.entrySet()) {
                for (String id : search.matching(e.getValue().request, ids)) {
                    if (delivered.putIfAbsent(e.getKey() + "/" + id, Boolean.TRUE) == null) {
                        AlertHit hit = fresh.get(id);
                        e.getValue().processor.onNext(new AlertHit(e.getKey(), hit.id(), hit.title(), hit.source(),
                                hit.publishedAt(), hit.url(), hit.storyId()));
                    }
                }
            }
        } catch (Exception e) {
            LOG.warnf("alert dispatch failed, retrying: %s", e.getMessage());
        }
    }

    private Map<String, AlertHit> newlyIndexed() throws Exception {
        Map<String, AlertHit> out = new LinkedHashMap<>();
        Instant newest = watermark;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, title, source_name, published_at, url, story_id, indexed_at FROM article"
                        + " WHERE indexed_at > ? ORDER BY indexed_at LIMIT 5000")) {
            // a short overlap catches rows committed late; the delivered set drops repeats
            ps.setTimestamp(1, Timestamp.from(watermark.minusSeconds(5)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp published = rs.getTimestamp(4);
                    out.put(rs.getString(1), new AlertHit(null, rs.getString(1), rs.getString(2), rs.getString(3),
                            published == null ? null : published.toInstant().toString(), rs.getString(5), rs.getString(6)));
                    Instant at = rs.getTimestamp(7).toInstant();
                    if (at.isAfter(newest)) {
                        newest = at;
                    }
                }
            }
        }
        watermark = newest;
        return out;
    }
}
