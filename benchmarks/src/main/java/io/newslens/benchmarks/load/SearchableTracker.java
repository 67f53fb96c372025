package io.newslens.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end latency, posted → searchable. Every accepted article is followed through
 * {@code GET /api/v1/articles/{id}/status} until it says {@code searchable}; the latency is the status's own
 * {@code steps.searchable} time (stamped by query-service when the read model committed) minus the time the driver
 * meant to send the article. So the poller's pace never inflates a figure: it only has to look eventually, and it
 * looks at a bounded rate (below the polling client's rate limit) so it does not become load itself.
 */
final class SearchableTracker implements AutoCloseable {

    private static final class Entry {
        final String id;
        final long intendedEpochMicros;
        long lastPolledNanos;

        Entry(String id, long intendedEpochMicros) {
            this.id = id;
            this.intendedEpochMicros = intendedEpochMicros;
        }
    }

    private final Http http;
    private final Tokens tokens;
    private final List<Tokens.Client> clients;
    private long polls;
    private final String gateway;
    private final double pollsPerSecond;
    private final List<Entry> pending = new ArrayList<>();
    private final List<Long> searchableEpochMicros = Collections.synchronizedList(new ArrayList<>());
    final Latencies endToEnd = new Latencies();
    /** stored → published to Kafka (the outbox relay) */
    final Latencies relay = new Latencies();
    /** published → annotated (waiting in Kafka plus NLP) */
    final Latencies nlp = new Latencies();
    /** annotated → searchable (query-service's read model) */
    final Latencies index = new Latencies();
    final StatusCounts pollStatuses = new StatusCounts();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong tracked = new AtomicLong();
    private final Thread poller;
    private volatile boolean running = true;

    /** @param clients the clients whose tokens poll, in turn (each has its own rate-limit bucket at the gateway) */
    SearchableTracker(Http http, Tokens tokens, List<Tokens.Client> clients, String gateway, double pollsPerSecond) {
        this.http = http;
        this.tokens = tokens;
        this.clients = clients;
        this.gateway = gateway;
        this.pollsPerSecond = pollsPerSecond;
        this.poller = new Thread(this::pollLoop, "searchable-poller");
        this.poller.setDaemon(true);
        this.poller.start();
    }

    void track(String id, long intendedEpochMicros) {
        tracked.incrementAndGet();
        synchronized (pending) {
            pending.add(new Entry(id, intendedEpochMicros));
        }
    }

    int pending() {
        synchronized (pending) {
            return pending.size();
        }
    }

    int searchable() {
        return searchableEpochMicros.size();
    }

    /** Waits until every tracked article is searchable or failed, at most {@code cap}; true when drained. */
    boolean awaitDrained(Duration cap) throws InterruptedException {
        long deadline = System.nanoTime() + cap.toNanos();
        while (pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return pending() == 0;
    }

    /**
     * Articles made searchable per second between the {@code from} and {@code to} quantiles of the completion times:
     * with a standing backlog, that is what the pipeline sustains.
     */
    double completionRate(double from, double to) {
        List<Long> times;
        synchronized (searchableEpochMicros) {
            times = new ArrayList<>(searchableEpochMicros);
        }
        Collections.sort(times);
        if (times.size() < 10) {
            return Double.NaN;
        }
        int a = (int) (from * (times.size() - 1));
        int b = (int) (to * (times.size() - 1));
        double seconds = (times.get(b) - times.get(a)) / 1e6;
        return seconds <= 0 ? Double.NaN : (b - a) / seconds;
    }

    /** The first and last searchable times (epoch micros), for drain timing. */
    long[] completionSpan() {
        synchronized (searchableEpochMicros) {
            if (searchableEpochMicros.isEmpty()) {
                return new long[] {0, 0};
            }
            return new long[] {Collections.min(searchableEpochMicros), Collections.max(searchableEpochMicros)};
        }
    }

    private void pollLoop() {
        long tickNanos = 250_000_000L;
        int perTick = Math.max(1, (int) Math.floor(pollsPerSecond / 4));
        while (running) {
            long started = System.nanoTime();
            try {
                pollSome(perTick);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                pollStatuses.add(0);
            }
            long sleep = tickNanos - (System.nanoTime() - started);
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Oldest first (Kafka keeps the order per partition, so the oldest is usually next to finish); stops early after
     * a few articles that are not done yet, since the newer ones will not be either.
     */
    private void pollSome(int budget) throws InterruptedException {
        List<Entry> candidates = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (pending) {
            for (Entry e : pending) {
                if (now - e.lastPolledNanos >= 1_000_000_000L) {
                    candidates.add(e);
                    if (candidates.size() >= budget) {
                        break;
                    }
                }
            }
        }
        int notDone = 0;
        for (Entry e : candidates) {
            e.lastPolledNanos = System.nanoTime();
            String state = poll(e);
            if (state == null) {
                return; // rate limited or unreachable: try again next tick
            }
            if (state.equals("searchable") || state.equals("failed")) {
                synchronized (pending) {
                    for (Iterator<Entry> it = pending.iterator(); it.hasNext();) {
                        if (it.next() == e) {
                            it.remove();
                            break;
                        }
                    }
                }
            } else if (++notDone >= 3) {
                return;
            }
        }
    }

    private String poll(Entry e) throws InterruptedException {
        URI uri = URI.create(gateway + "/api/v1/articles/" + e.id + "/status");
        HttpResponse<String> r;
        try {
            Tokens.Client client = clients.get((int) (polls++ % clients.size()));
            r = http.send(http.request(uri).header("Authorization", tokens.bearer(client)).GET().build());
        } catch (java.io.IOException ex) {
            pollStatuses.add(0);
            return null;
        }
        pollStatuses.add(r.statusCode());
        if (r.statusCode() == 429) {
            Thread.sleep(1000);
            return null;
        }
        if (r.statusCode() != 200) {
            return "unknown";
        }
        JsonNode status = Http.parse(r.body());
        String state = status.path("state").asText();
        JsonNode steps = status.path("steps");
        if (state.equals("searchable")) {
            long searchable = micros(steps.path("searchable"));
            endToEnd.add(searchable - e.intendedEpochMicros);
            searchableEpochMicros.add(searchable);
            long stored = micros(steps.path("stored"));
            long published = micros(steps.path("published"));
            long annotated = micros(steps.path("annotated"));
            if (stored > 0 && published > 0) {
                relay.add(published - stored);
            }
            if (published > 0 && annotated > 0) {
                nlp.add(annotated - published);
            }
            if (annotated > 0) {
                index.add(searchable - annotated);
            }
        } else if (state.equals("failed")) {
            failed.incrementAndGet();
        }
        return state;
    }

    /** An Instant as ISO text or as epoch seconds with a fraction (either Jackson setting). */
    static long micros(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return 0;
        }
        if (v.isNumber()) {
            return (long) (v.asDouble() * 1e6);
        }
        Instant i = Instant.parse(v.asText());
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
