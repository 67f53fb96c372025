package io.newslens.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Articles through the whole pipeline: open-loop single POSTs at a set rate (ingest latency and end-to-end
 * latency), NLP capacity from the drain rate of a standing backlog, and the gateway's rate limit.
 */
final class PipelineLoad {

    private final Context ctx;

    PipelineLoad(Context ctx) {
        this.ctx = ctx;
    }

    /** Wall clock (epoch micros) of a System.nanoTime() instant, fixed once so intended send times map exactly. */
    private static final long EPOCH_MICROS_AT_START = System.currentTimeMillis() * 1000;
    private static final long NANOS_AT_START = System.nanoTime();

    static long epochMicros(long nanos) {
        return EPOCH_MICROS_AT_START + (nanos - NANOS_AT_START) / 1000;
    }

    // ------------------------------------------------------------------ open-loop rate

    /**
     * Sends single articles through the gateway at {@code rate} per second for {@code duration}, on a fixed schedule
     * (open loop: a slow answer never delays the next send, and each latency counts from the moment the article was
     * due, so queueing is not hidden by coordinated omission); then follows each to searchable for at most
     * {@code drainCap}.
     */
    Map<String, Object> rate(String label, double rate, Duration duration, Duration drainCap) throws InterruptedException {
        int count = (int) Math.round(rate * duration.toMillis() / 1000.0);
        long intervalNanos = (long) (1e9 / rate);
        int maxInFlight = ctx.options.integer("max-in-flight", 1000);
        Latencies ingest = new Latencies();
        Latencies service = new Latencies();
        StatusCounts codes = new StatusCounts();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        Context.say("%s: %d articles at %.2f/s for %ds through %s/api/v1/articles (open loop)", label, count, rate,
                duration.toSeconds(), ctx.gateway);
        try (SearchableTracker tracker = new SearchableTracker(ctx.http, ctx.tokens, ctx.pollClients, ctx.gateway, ctx.pollsPerSecond);
                StackProbe probe = ctx.probe().start()) {
            long start = System.nanoTime() + 50_000_000L;
            for (int i = 0; i < count; i++) {
                long due = start + i * intervalNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (inFlight.get() >= maxInFlight) {
                    skipped.incrementAndGet();
                    continue;
                }
                Articles.Article article = ctx.articles.next();
                Tokens.Client client = ctx.postClients.get(i % ctx.postClients.size());
                var request = ctx.post(ctx.gateway, "/api/v1/articles", client, "application/json", article.json()).build();
                long sent = System.nanoTime();
                inFlight.incrementAndGet();
                ctx.http.sendAsync(request).whenComplete((r, ex) -> {
                    long done = System.nanoTime();
                    inFlight.decrementAndGet();
                    if (ex != null) {
                        codes.add(0);
                        return;
                    }
                    codes.add(r.statusCode());
                    if (r.statusCode() == 202) {
                        ingest.addNanos(done - due);
                        service.addNanos(done - sent);
                        tracker.track(Http.parse(r.body()).path("id").asText(), epochMicros(due));
                    } else if (r.statusCode() == 200) {
                        duplicates.incrementAndGet();
                    }
                });
            }
            long sendEnd = System.nanoTime();
            while (inFlight.get() > 0 && System.nanoTime() - sendEnd < 60_000_000_000L) {
                Thread.sleep(20);
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            Context.say("%s: sending done; ingest %s; codes %s; waiting for searchable (≤%ds, %d pending)", label,
                    ingest.line(), codes, drainCap.toSeconds(), tracker.pending());
            long drainStart = System.nanoTime();
            boolean drained = awaitDrainedReporting(label, tracker, drainCap);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", label);
            m.put("offered_rate", round2(rate));
            m.put("duration_s", duration.toSeconds());
            m.put("sent", count - skipped.get());
            m.put("skipped_in_flight_cap", skipped.get());
            m.put("accepted", ingest.count());
            m.put("accepted_rate", round2(ingest.count() / sendSeconds));
            m.put("duplicates", duplicates.get());
            m.put("status_codes", codes.asMap());
            m.put("http_429", codes.get(429));
            m.put("http_5xx", codes.serverErrors());
            m.put("ingest_latency_from_due", ingest.summary());
            m.put("ingest_latency_service_time", service.summary());
            m.put("end_to_end", tracker.endToEnd.summary());
            m.put("stage_relay_stored_to_published", tracker.relay.summary());
            m.put("stage_nlp_published_to_annotated", tracker.nlp.summary());
            m.put("stage_index_annotated_to_searchable", tracker.index.summary());
            m.put("searchable", tracker.searchable());
            m.put("failed", tracker.failed.get());
            m.put("not_searchable_at_end", tracker.pending());
            m.put("drained", drained);
            m.put("drain_wait_after_sending_s", round2(drainSeconds));
            m.put("completion_rate_p10_p90", round2(tracker.completionRate(0.1, 0.9)));
            m.put("poll_codes", tracker.pollStatuses.asMap());
            m.putAll(probeFigures(probe, epochMicros(sendEnd) / 1000));
            Context.say("%s: end-to-end %s; searchable %d, failed %d, left %d; 5xx %d, 429 %d", label, tracker.endToEnd.line(),
                    tracker.searchable(), tracker.failed.get(), tracker.pending(), codes.serverErrors(), codes.get(429));
            return ctx.record("rate", m);
        }
    }

    private boolean awaitDrainedReporting(String label, SearchableTracker tracker, Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        long nextReport = System.nanoTime() + 15_000_000_000L;
        while (tracker.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            if (System.nanoTime() > nextReport) {
                Context.say("%s: %d searchable, %d pending", label, tracker.searchable(), tracker.pending());
                nextReport += 15_000_000_000L;
            }
        }
        return tracker.pending() == 0;
    }

    /** Lag and memory over the run: peak lag, lag when sending stopped, when lag was back to zero, peak RSS per part. */
    static Map<String, Object> probeFigures(StackProbe probe, long sendEndEpochMillis) {
        probe.samples(); // ensure at least the running samples are visible
        List<StackProbe.Sample> samples = new ArrayList<>(probe.samples());
        samples.add(probe.sample());
        Map<String, Object> m = new LinkedHashMap<>();
        long maxBrokerLag = -1;
        long brokerLagAtSendEnd = -1;
        Long brokerLagZeroAfterMs = null;
        double maxLag = Double.NaN;
        double lagAtSendEnd = Double.NaN;
        Long lagZeroAfterMs = null;
        double maxHeap = Double.NaN;
        double heapMax = Double.NaN;
        Map<String, Long> maxRss = new TreeMap<>();
        List<Object> timeline = new ArrayList<>();
        for (StackProbe.Sample s : samples) {
            if (!Double.isNaN(s.lag())) {
                maxLag = Double.isNaN(maxLag) ? s.lag() : Math.max(maxLag, s.lag());
                if (s.epochMillis() <= sendEndEpochMillis) {
                    lagAtSendEnd = s.lag();
                } else if (lagZeroAfterMs == null && s.lag() == 0) {
                    lagZeroAfterMs = s.epochMillis() - sendEndEpochMillis;
                }
            }
            if (s.brokerLag() >= 0) {
                maxBrokerLag = Math.max(maxBrokerLag, s.brokerLag());
                if (s.epochMillis() <= sendEndEpochMillis) {
                    brokerLagAtSendEnd = s.brokerLag();
                } else if (brokerLagZeroAfterMs == null && s.brokerLag() == 0) {
                    brokerLagZeroAfterMs = s.epochMillis() - sendEndEpochMillis;
                }
            }
            if (!Double.isNaN(s.nlpHeapUsedMb())) {
                maxHeap = Double.isNaN(maxHeap) ? s.nlpHeapUsedMb() : Math.max(maxHeap, s.nlpHeapUsedMb());
                heapMax = s.nlpHeapMaxMb();
            }
            s.rssMb().forEach((k, v) -> maxRss.merge(k, v, Math::max));
            timeline.add(List.of(s.epochMillis(), Double.isNaN(s.lag()) ? -1 : s.lag(), s.brokerLag(),
                    s.rssMb().getOrDefault("nlp-service", -1L)));
        }
        m.put("lag_metric", probe.lagSeriesUsed());
        m.put("lag_max", maxLag);
        m.put("lag_at_send_end", lagAtSendEnd);
        m.put("lag_zero_after_send_end_ms", lagZeroAfterMs);
        m.put("broker_lag_max", maxBrokerLag);
        m.put("broker_lag_at_send_end", brokerLagAtSendEnd);
        m.put("broker_lag_zero_after_send_end_ms", brokerLagZeroAfterMs);
        m.put("nlp_heap_used_max_mb", Latencies.round(maxHeap));
        m.put("nlp_heap_limit_mb", Latencies.round(heapMax));
        m.put("rss_max_mb", maxRss);
        m.put("timeline_epochms_metriclag_brokerlag_nlprssmb", timeline);
        return m;
    }

    // ------------------------------------------------------------------ capacity

    /**
     * NLP capacity: a backlog is put in front of the pipeline in one NDJSON batch, and the rate at which articles
     * become searchable while the backlog stands (between the 10th and 90th percentile of completions) is what the
     * pipeline sustains end to end. A first smaller batch warms the JVMs and sizes the second to about
     * {@code probeSeconds} of work.
     */
    double capacity(int warmup, int probeSeconds) throws InterruptedException {
        Context.say("capacity: warm-up batch of %d articles", warmup);
        double rough;
        try (SearchableTracker t = new SearchableTracker(ctx.http, ctx.tokens, ctx.pollClients, ctx.gateway, ctx.pollsPerSecond)) {
            postBatch(warmup, t);
            awaitDrainedReporting("warm-up", t, Duration.ofSeconds(ctx.options.integer("warmup-cap-s", 240)));
            long[] span = t.completionSpan();
            rough = t.searchable() > 1 ? (t.searchable() - 1) / Math.max(0.5, (span[1] - span[0]) / 1e6) : 1;
            Context.say("warm-up: %d searchable, end-to-end %s, rough rate %.2f/s", t.searchable(), t.endToEnd.line(), rough);
        }
        int n = (int) Math.max(40, Math.min(1500, Math.round(rough * probeSeconds)));
        Context.say("capacity: backlog batch of %d articles", n);
        try (SearchableTracker t = new SearchableTracker(ctx.http, ctx.tokens, ctx.pollClients, ctx.gateway, ctx.pollsPerSecond);
                StackProbe probe = ctx.probe().start()) {
            long sentAt = System.nanoTime();
            double postSeconds = postBatch(n, t);
            boolean drained = awaitDrainedReporting("capacity", t, Duration.ofSeconds(Math.max(180, (long) (3 * n / rough))));
            double capacity = t.completionRate(0.1, 0.9);
            long[] span = t.completionSpan();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("backlog_articles", n);
            m.put("batch_post_seconds", round2(postSeconds));
            m.put("searchable", t.searchable());
            m.put("failed", t.failed.get());
            m.put("drained", drained);
            m.put("capacity_articles_per_s", round2(capacity));
            m.put("whole_drain_rate", round2(t.searchable() / Math.max(0.001, (span[1] - epochMicros(sentAt)) / 1e6)));
            m.put("stage_nlp_published_to_annotated", t.nlp.summary());
            m.put("stage_index_annotated_to_searchable", t.index.summary());
            m.put("words_per_article", ctx.options.integer("words", 500));
            m.putAll(probeFigures(probe, epochMicros(sentAt) / 1000));
            m.remove("timeline_epochms_metriclag_brokerlag_nlprssmb");
            Context.say("capacity: %.2f articles/s made searchable while a backlog stood (%d articles)", capacity, t.searchable());
            ctx.record("capacity", m);
            return capacity;
        }
    }

    /** Posts n fresh articles as NDJSON batches of at most 500 lines; tracks every accepted one. Returns seconds taken. */
    private double postBatch(int n, SearchableTracker tracker) throws InterruptedException {
        long start = System.nanoTime();
        int left = n;
        while (left > 0) {
            int size = Math.min(500, left);
            left -= size;
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < size; i++) {
                body.append(ctx.articles.next().json()).append('\n');
            }
            long due = System.nanoTime();
            HttpResponse<String> r;
            try {
                r = ctx.http.send(ctx.post(ctx.gateway, "/api/v1/articles/batch", ctx.postClients.get(0), "application/x-ndjson",
                        body.toString()).build());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("batch post failed", e);
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("batch answered " + r.statusCode() + ": " + r.body());
            }
            for (String line : r.body().split("\n")) {
                JsonNode node = Http.parse(line);
                if ("accepted".equals(node.path("status").asText())) {
                    tracker.track(node.path("id").asText(), epochMicros(due));
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    // ------------------------------------------------------------------ rate limit

    /**
     * One client deliberately over its bucket: cheap GETs (an article's status) at {@code rate} per second for
     * {@code duration}. The gateway should let the burst and the refill through and answer the rest 429 with a
     * Retry-After header.
     */
    Map<String, Object> limits(double rate, Duration duration, int burst, double refillPerSecond) throws InterruptedException {
        // an id to ask about: any article posted earlier in this run, or a made-up one (404 still passes the limiter)
        String path = "/api/v1/articles/" + "0".repeat(32) + "/status";
        int count = (int) Math.round(rate * duration.toMillis() / 1000.0);
        long interval = (long) (1e9 / rate);
        StatusCounts codes = new StatusCounts();
        AtomicLong withRetryAfter = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        Context.say("limits: %d requests at %.0f/s from one client (%s) for %ds", count, rate, ctx.limitClient.id(),
                duration.toSeconds());
        ctx.tokens.bearer(ctx.limitClient);
        long start = System.nanoTime() + 20_000_000L;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.incrementAndGet();
            ctx.http.sendAsync(ctx.get(ctx.gateway, path, ctx.limitClient).build()).whenComplete((r, ex) -> {
                inFlight.decrementAndGet();
                if (ex != null) {
                    codes.add(0);
                    return;
                }
                codes.add(r.statusCode());
                if (r.statusCode() == 429 && r.headers().firstValue("Retry-After").isPresent()) {
                    withRetryAfter.incrementAndGet();
                }
            });
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        while (inFlight.get() > 0) {
            Thread.sleep(10);
        }
        long limited = codes.get(429);
        long passed = codes.total() - limited - codes.get(0);
        double expectedPassed = Math.min(count, burst + refillPerSecond * elapsed);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", ctx.limitClient.id());
        m.put("offered", count);
        m.put("offered_rate", rate);
        m.put("seconds", round2(elapsed));
        m.put("status_codes", codes.asMap());
        m.put("passed_limiter", passed);
        m.put("expected_passed_burst_plus_refill", Math.round(expectedPassed));
        m.put("http_429", limited);
        m.put("http_429_with_retry_after", withRetryAfter.get());
        m.put("http_5xx", codes.serverErrors());
        Context.say("limits: %d passed (bucket allows ≈%d), %d × 429 (%d with Retry-After), 5xx %d", passed,
                Math.round(expectedPassed), limited, withRetryAfter.get(), codes.serverErrors());
        return ctx.record("limits", m);
    }

    static double round2(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? v : Math.round(v * 100) / 100.0;
    }
}
