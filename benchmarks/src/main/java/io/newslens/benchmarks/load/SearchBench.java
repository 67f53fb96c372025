package io.newslens.benchmarks.load;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Search latency under N concurrent query clients, the same queries at the same pace against three targets in
 * turn: the raw SQL straight on PostgreSQL (the baseline), query-service directly, and the gateway (the API
 * clients use). Each client keeps its own schedule (one query every N/rate seconds) and a latency counts from
 * when the query was due, so a slow answer that delays the next query is charged to it.
 */
final class SearchBench {

    private final Context ctx;

    SearchBench(Context ctx) {
        this.ctx = ctx;
    }

    interface Target {
        /** Runs one search; returns the HTTP status (200 for SQL). */
        int search(int client, String query) throws Exception;
    }

    Map<String, Object> run(int clients, double rate, Duration duration) throws Exception {
        List<String> words = ctx.articles.queryWords(40, 7);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            queries.add(i % 3 == 2 ? words.get(i) + " " + words.get((i * 7 + 1) % words.size()) : words.get(i));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clients", clients);
        m.put("rate_total", rate);
        m.put("duration_s", duration.toSeconds());
        m.put("queries", queries.size());
        m.put("example_queries", queries.subList(0, 6));
        m.put("articles_in_read_model", articleCount());

        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(DriverManager.getConnection(ctx.queryJdbc, ctx.options.string("db-user", "postgres"),
                        ctx.options.string("db-password", "")));
            }
            Duration timeout = Duration.ofSeconds(10);
            m.put("raw_sql", phase("raw SQL (JDBC on newslens_query)", clients, rate, duration, queries,
                    (c, q) -> {
                        RawSearchSql.search(connections.get(c), q, timeout);
                        return 200;
                    }));
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
        m.put("query_service_direct", phase("query-service direct (" + ctx.queryDirect + ")", clients, rate, duration, queries,
                (c, q) -> http(ctx.queryDirect, c, q)));
        m.put("gateway", phase("gateway (" + ctx.gateway + ")", clients, rate, duration, queries,
                (c, q) -> http(ctx.gateway, c, q)));
        return ctx.record("search", m);
    }

    private int http(String base, int client, String query) throws Exception {
        Tokens.Client who = ctx.searchClients.get(client % ctx.searchClients.size());
        HttpResponse<String> r = ctx.http.send(ctx.get(base, "/api/v1/articles?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8), who).build());
        if (r.statusCode() == 200 && !r.body().contains("\"facets\"")) {
            throw new IllegalStateException("search answered without facets: " + r.body());
        }
        return r.statusCode();
    }

    private Map<String, Object> phase(String label, int clients, double rate, Duration duration, List<String> queries,
            Target target) throws InterruptedException {
        // a few untimed queries first: connections, prepared statements, JIT
        for (int i = 0; i < Math.min(6, queries.size()); i++) {
            try {
                target.search(i % clients, queries.get(i));
            } catch (Exception ignored) {
                // counted in the timed part if it persists
            }
        }
        Latencies ok = new Latencies();
        StatusCounts codes = new StatusCounts();
        AtomicLong errors = new AtomicLong();
        long interval = (long) (1e9 * clients / rate);
        long start = System.nanoTime() + 20_000_000L;
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long due = start + client * interval / clients;
                int k = client;
                while (due < end) {
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    String q = queries.get(k % queries.size());
                    k += clients;
                    try {
                        int status = target.search(client, q);
                        codes.add(status);
                        if (status == 200) {
                            ok.addNanos(System.nanoTime() - due);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        codes.add(0);
                    }
                    due += interval;
                }
            }, "search-client-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>(ok.summary());
        m.put("achieved_rate", PipelineLoad.round2(ok.count() / seconds));
        m.put("status_codes", codes.asMap());
        m.put("http_429", codes.get(429));
        m.put("http_5xx", codes.serverErrors());
        Context.say("search %s: %s, %.1f/s, codes %s", label, ok.line(), ok.count() / seconds, codes);
        return m;
    }

    private long articleCount() {
        try (Connection c = DriverManager.getConnection(ctx.queryJdbc, ctx.options.string("db-user", "postgres"),
                ctx.options.string("db-password", ""));
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM article")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }
}
