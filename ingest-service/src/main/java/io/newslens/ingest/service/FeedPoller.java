package io.newslens.ingest.service;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.newslens.commons.problem.ProblemException;
import io.newslens.ingest.model.Feed;
import io.newslens.ingest.rest.ArticleSubmission;
import io.newslens.ingest.rest.IngestResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.xml.sax.InputSource;

/**
 * Polls due feeds (RSS 0.9x/1.0/2.0 and Atom through Rome): conditional GET with ETag and Last-Modified,
 * new entries (by guid, else link) ingested — their pages fetched when the feed says so — and exponential
 * back-off after failures. Due feeds are claimed with SKIP LOCKED and their next poll time is pushed before
 * the slow work, so replicas never poll one feed at once.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final List<String> FEED_TYPES = List.of("application/rss+xml", "application/atom+xml", "application/xml",
            "text/xml", "application/rdf+xml", "application/feed+json", "text/html", "text/plain");
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final Duration CLAIM = Duration.ofMinutes(5);

    /** The outcome of one poll, for the API and tests. */
    public record PollResult(long feedId, int status, int entries, int newEntries, int ingested, int failed, String error) {
    }

    @Inject
    PageFetcher fetcher;
    @Inject
    IngestionService ingestion;

    @Scheduled(every = "${newslens.ingest.feeds.poll-check:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDue() {
        List<Long> claimed;
        try {
            claimed = QuarkusTransaction.requiringNew().call(() -> {
                List<Long> ids = new ArrayList<>();
                for (Feed f : Feed.lockDue(10)) {
                    f.nextPollAt = Instant.now().plus(CLAIM);
                    ids.add(f.id);
                }
                return ids;
            });
        } catch (RuntimeException e) {
            LOG.debugf("feed claim failed: %s", e.getMessage());
            return;
        }
        for (Long id : claimed) {
            poll(id);
        }
    }

    /** Polls one feed now. */
    public PollResult poll(long feedId) {
        Feed feed = QuarkusTransaction.requiringNew().call(() -> Feed.<Feed>findByIdOptional(feedId).orElse(null));
        if (feed == null) {
            return new PollResult(feedId, 404, 0, 0, 0, 0, "no such feed");
        }
        Instant started = Instant.now();
        try {
            java.util.LinkedHashMap<String, String> headers = new java.util.LinkedHashMap<>();
            if (feed.etag != null) {
                headers.put("If-None-Match", feed.etag);
            }
            if (feed.lastModified != null) {
                headers.put("If-Modified-Since", feed.lastModified);
            }
            PageFetcher.Page page = fetcher.fetch(feed.url, FEED_TYPES, headers);
            if (page.status() == 304) {
                finish(feedId, started, null, null, null, 0, 0, null);
                return new PollResult(feedId, 304, 0, 0, 0, 0, null);
            }
            SyndFeed parsed = parse(page.body());
            int fresh = 0;
            int ingested = 0;
            int failed = 0;
            List<SyndEntry> entries = parsed.getEntries();
            // oldest first, so articles arrive in publication order
            for (int i = entries.size() - 1; i >= 0; i--) {
                SyndEntry entry = entries.get(i);
                String key = entryKey(entry);
                if (key == null || QuarkusTransaction.requiringNew().call(() -> Feed.entrySeen(feedId, key))) {
                    continue;
                }
                fresh++;
                try {
                    IngestResult result = ingestEntry(feed, parsed, entry);
                    QuarkusTransaction.requiringNew().run(() -> Feed.markSeen(feedId, key, result.id()));
                    if (result.accepted()) {
                        ingested++;
                    }
                } catch (ProblemException e) {
                    failed++;
                    LOG.debugf("feed %d entry %s not ingested: %s", feedId, key, e.getMessage());
                    if (e.status() == 422 || e.status() == 413) {
                        // a bad entry stays bad: do not try it on every poll
                        QuarkusTransaction.requiringNew().run(() -> Feed.markSeen(feedId, key, null));
                    }
                }
            }
            String etag = first(page.headers(), "etag");
            String lastModified = first(page.headers(), "last-modified");
            finish(feedId, started, etag, lastModified, parsed.getTitle(), fresh, ingested, null);
            return new PollResult(feedId, page.status(), entries.size(), fresh, ingested, failed, null);
        } catch (ProblemException | IllegalArgumentException e) {
            finish(feedId, started, null, null, null, 0, 0, e.getMessage());
            return new PollResult(feedId, 0, 0, 0, 0, 0, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "polling feed %d failed", feedId);
            finish(feedId, started, null, null, null, 0, 0, "internal error while polling");
            return new PollResult(feedId, 0, 0, 0, 0, 0, "internal error while polling");
        }
    }

    private IngestResult ingestEntry(Feed feed, SyndFeed parsed, SyndEntry entry) {
        String link = entry.getLink();
        String published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant().toString()
                : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant().toString() : null;
        String source = feed.sourceName != null ? feed.sourceName : parsed.getTitle();
        String content = null;
        if (entry.getContents() != null && !entry.getContents().isEmpty()) {
            content = entry.getContents().stream().map(SyndContent::getValue).reduce("", (a, b) -> a + "\n" + b);
        } else if (entry.getDescription() != null) {
            content = entry.getDescription().getValue();
        }
        boolean fetch = feed.fetchArticles && link != null;
        ArticleSubmission submission = new ArticleSubmission(link, entry.getTitle(),
                source == null ? null : ArticleSubmission.Source.ofName(source.strip()), published,
                parsed.getLanguage() == null ? null : parsed.getLanguage().split("[-_]")[0], entry.getAuthor(), null,
                fetch ? null : content == null ? null : "<html><body><article>" + content + "</article></body></html>");
        if (!fetch && content == null) {
            throw ProblemException.unprocessable("the entry has neither a link to fetch nor content", "url");
        }
        IngestionService.Prepared prepared = ingestion.prepare(submission, "feed");
        return ingestion.store(prepared, "feed:" + feed.id, feed.id);
    }

    private void finish(long feedId, Instant started, String etag, String lastModified, String title, int fresh, int ingested,
            String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Feed f = Feed.findById(feedId);
            if (f == null) {
                return;
            }
            f.lastPolledAt = started;
            if (error == null) {
                f.lastSuccessAt = started;
                f.lastError = null;
                f.consecutiveFailures = 0;
                f.nextPollAt = Instant.now().plusSeconds(f.pollIntervalSeconds);
                f.etag = etag != null ? etag : f.etag;
                f.lastModified = lastModified != null ? lastModified : f.lastModified;
                f.title = f.title == null ? title : f.title;
                f.entriesSeen += fresh;
                f.articlesIngested += ingested;
            } else {
                f.lastError = error.length() > 500 ? error.substring(0, 500) : error;
                f.consecutiveFailures++;
                long backoff = (long) f.pollIntervalSeconds << Math.min(f.consecutiveFailures, 10);
                f.nextPollAt = Instant.now().plusSeconds(Math.min(backoff, MAX_BACKOFF.toSeconds()));
            }
        });
    }

    static SyndFeed parse(String xml) {
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            return input.build(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw ProblemException.unprocessable("not an RSS or Atom feed: " + e.getMessage(), "url");
        }
    }

    static String entryKey(SyndEntry entry) {
        if (entry.getUri() != null && !entry.getUri().isBlank()) {
            return entry.getUri().strip();
        }
        return entry.getLink() == null || entry.getLink().isBlank() ? null : entry.getLink().strip();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
