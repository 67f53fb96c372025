package io.newslens.ingest.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An RSS or Atom subscription, polled on its interval. */
@Entity
@Table(name = "feed")
public class Feed extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String url;
    public String title;
    @Column(name = "source_name")
    public String sourceName;
    @Column(name = "poll_interval_seconds")
    public int pollIntervalSeconds;
    /** Fetch each entry's page for the full text (else use the entry's own content or summary). */
    @Column(name = "fetch_articles")
    public boolean fetchArticles;
    public String etag;
    @Column(name = "last_modified")
    public String lastModified;
    @Column(name = "last_polled_at")
    public Instant lastPolledAt;
    @Column(name = "last_success_at")
    public Instant lastSuccessAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    @Column(name = "next_poll_at")
    public Instant nextPollAt;
    @Column(name = "entries_seen")
    public int entriesSeen;
    @Column(name = "articles_ingested")
    public int articlesIngested;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Feed> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    /** Due feeds, locked with SKIP LOCKED: replicas never poll the same feed at once. */
    @SuppressWarnings("unchecked")
    public static List<Feed> lockDue(int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM feed WHERE next_poll_at <= now() ORDER BY next_poll_at"
                + " LIMIT :limit FOR UPDATE SKIP LOCKED", Feed.class).setParameter("limit", limit).getResultList();
    }

    public static boolean entrySeen(long feedId, String entryKey) {
        return !getEntityManager().createNativeQuery("SELECT 1 FROM feed_entry WHERE feed_id = ?1 AND entry_key = ?2")
                .setParameter(1, feedId).setParameter(2, entryKey).getResultList().isEmpty();
    }

    public static void markSeen(long feedId, String entryKey, String articleId) {
        getEntityManager().createNativeQuery("INSERT INTO feed_entry (feed_id, entry_key, article_id, seen_at)"
                + " VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, feedId).setParameter(2, entryKey).setParameter(3, articleId).executeUpdate();
    }
}
