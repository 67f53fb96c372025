package io.newslens.ingest.service;

import io.newslens.contracts.ArticleIngested;
import io.newslens.contracts.Topics;
import io.newslens.ingest.mapping.ArticleEvents;
import io.newslens.ingest.messaging.OutboxRelay;
import io.newslens.ingest.model.Article;
import io.newslens.ingest.model.OutboxEvent;
import io.newslens.ingest.model.ReprocessJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Re-tagging: re-publishes stored articles so that a new NLP pipeline version rebuilds the read model without
 * re-ingesting. A job walks its articles in (ingested_at, id) order, {@link #STEP} at a time, through the
 * outbox (so nothing is lost if Kafka is away), and records how far it got.
 */
@ApplicationScoped
public class Reprocessing {

    private static final Logger LOG = Logger.getLogger(Reprocessing.class);
    static final int STEP = 500;

    @Inject
    ArticleEvents events;
    @Inject
    OutboxRelay relay;

    public ReprocessJob start(String by, Instant from, Instant to) {
        ReprocessJob job = QuarkusTransaction.requiringNew().call(() -> {
            ReprocessJob j = new ReprocessJob();
            j.requestedBy = by;
            j.rangeFrom = from;
            j.rangeTo = to;
            j.createdAt = Instant.now();
            j.total = (int) Article.count(rangeQuery(from, to), rangeParameters(from, to, j.createdAt));
            j.state = j.total == 0 ? ReprocessJob.DONE : ReprocessJob.RUNNING;
            j.finishedAt = j.total == 0 ? j.createdAt : null;
            j.persist();
            return j;
        });
        return job;
    }

    private static String rangeQuery(Instant from, Instant to) {
        return "ingestedAt <= :created" + (from == null ? "" : " and publishedAt >= :from") + (to == null ? "" : " and publishedAt < :to");
    }

    private static io.quarkus.panache.common.Parameters rangeParameters(Instant from, Instant to, Instant created) {
        io.quarkus.panache.common.Parameters p = io.quarkus.panache.common.Parameters.with("created", created);
        if (from != null) {
            p = p.and("from", from);
        }
        if (to != null) {
            p = p.and("to", to);
        }
        return p;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void advance() {
        try {
            boolean queued = QuarkusTransaction.requiringNew().call(() -> {
                boolean any = false;
                for (ReprocessJob job : ReprocessJob.lockRunning()) {
                    any |= step(job);
                }
                return any;
            });
            if (queued) {
                relay.wake();
            }
        } catch (RuntimeException e) {
            LOG.warnf("re-tagging step failed, retrying: %s", e.getMessage());
        }
    }

    private boolean step(ReprocessJob job) {
        String where = rangeQuery(job.rangeFrom, job.rangeTo)
                + (job.cursorIngestedAt == null ? "" : " and (ingestedAt > :cursorAt or (ingestedAt = :cursorAt and id > :cursorId))");
        io.quarkus.panache.common.Parameters params = rangeParameters(job.rangeFrom, job.rangeTo, job.createdAt);
        if (job.cursorIngestedAt != null) {
            params = params.and("cursorAt", job.cursorIngestedAt).and("cursorId", job.cursorId);
        }
        List<Article> batch = Article.<Article>find(where + " order by ingestedAt, id", params).page(0, STEP).list();
        Instant now = Instant.now();
        for (Article a : batch) {
            OutboxEvent.of(a.id, Topics.ARTICLES_INGESTED, ArticleIngested.EVENT_TYPE, events.toJson(events.ingested(a, now)))
                    .persist();
        }
        job.queued += batch.size();
        if (!batch.isEmpty()) {
            Article last = batch.get(batch.size() - 1);
            job.cursorIngestedAt = last.ingestedAt;
            job.cursorId = last.id;
        }
        if (batch.size() < STEP) {
            job.state = ReprocessJob.DONE;
            job.finishedAt = now;
        }
        return !batch.isEmpty();
    }
}
