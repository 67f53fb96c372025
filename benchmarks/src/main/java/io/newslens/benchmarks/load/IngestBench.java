package io.newslens.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Ingest throughput (articles accepted per second): NDJSON batches of text and of HTML through the gateway, single
 * POSTs straight to ingest-service (no rate limit) and at one rate through the gateway and direct, beside the
 * baseline of inserting the same rows (article, its 32 MinHash band rows, its outbox row) over raw JDBC into copies
 * of ingest-service's tables, in the same transaction shapes (100 articles a transaction as the batch path stores
 * them; one article a transaction for single POSTs).
 */
final class IngestBench {

    private final Context ctx;

    IngestBench(Context ctx) {
        this.ctx = ctx;
    }

    Map<String, Object> run() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        int batchArticles = ctx.options.integer("batch-articles", 1000);
        int batches = ctx.options.integer("batches", 2);
        int htmlArticles = ctx.options.integer("html-articles", 500);
        List<Object> text = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            text.add(batch("text", batchArticles, false));
        }
        m.put("batch_text", text);
        if (htmlArticles > 0) {
            m.put("batch_html", batch("html", htmlArticles, true));
        }
        int concurrency = ctx.options.integer("single-concurrency", 8);
        Duration singleDuration = ctx.options.duration("single-duration", Duration.ofSeconds(20));
        m.put("single_direct_closed_loop", singlesClosedLoop(concurrency, singleDuration));
        double rate = ctx.options.number("single-rate", 50);
        Duration rateDuration = ctx.options.duration("single-rate-duration", Duration.ofSeconds(15));
        m.put("single_gateway_open_loop", singlesAtRate(ctx.gateway, rate, rateDuration));
        m.put("single_direct_open_loop", singlesAtRate(ctx.ingestDirect, rate, rateDuration));
        m.put("jdbc_baseline", jdbcBaseline(ctx.options.integer("jdbc-articles", 2000), concurrency));
        return ctx.record("ingest", m);
    }

    private Map<String, Object> batch(String kind, int n, boolean html) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Articles.Article a = ctx.articles.next();
            body.append(html ? a.htmlJson() : a.json()).append('\n');
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        HttpResponse<String> r = ctx.http.send(ctx.post(ctx.gateway, "/api/v1/articles/batch", ctx.postClients.get(0),
                "application/x-ndjson", body.toString()).build());
        double seconds = (System.nanoTime() - start) / 1e9;
        long accepted = 0;
        long other = 0;
        if (r.statusCode() == 200) {
            for (String line : r.body().split("\n")) {
                JsonNode node = Http.parse(line);
                if (node.has("summary")) {
                    continue;
                }
                if ("accepted".equals(node.path("status").asText())) {
                    accepted++;
                } else {
                    other++;
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("lines", n);
        m.put("body_mb", PipelineLoad.round2(bytes.length / 1048576.0));
        m.put("http_status", r.statusCode());
        m.put("accepted", accepted);
        m.put("not_accepted", other);
        m.put("seconds", PipelineLoad.round2(seconds));
        m.put("accepted_per_s", PipelineLoad.round2(accepted / seconds));
        Context.say("batch %s: %d lines, %d accepted in %.2fs = %.0f articles/s (HTTP %d)", kind, n, accepted, seconds,
                accepted / seconds, r.statusCode());
        return m;
    }

    /** As fast as it goes: {@code concurrency} clients each posting the next article as soon as the last answered. */
    private Map<String, Object> singlesClosedLoop(int concurrency, Duration duration) throws Exception {
        Latencies latency = new Latencies();
        StatusCounts codes = new StatusCounts();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            work.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String body = ctx.articles.next().json();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = ctx.http.send(ctx.post(ctx.ingestDirect, "/api/v1/articles",
                                ctx.postClients.get(0), "application/json", body).build());
                        codes.add(r.statusCode());
                        if (r.statusCode() == 202) {
                            latency.addNanos(System.nanoTime() - t0);
                        }
                    } catch (Exception e) {
                        codes.add(0);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>(latency.summary());
        m.put("concurrency", concurrency);
        m.put("seconds", PipelineLoad.round2(seconds));
        m.put("accepted_per_s", PipelineLoad.round2(latency.count() / seconds));
        m.put("status_codes", codes.asMap());
        Context.say("single POSTs direct, %d concurrent: %.1f accepted/s, latency %s, codes %s", concurrency,
                latency.count() / seconds, latency.line(), codes);
        return m;
    }

    /** Open loop at one rate (latency from when each was due), spread over the post clients' rate-limit buckets. */
    private Map<String, Object> singlesAtRate(String base, double rate, Duration duration) throws Exception {
        Latencies latency = new Latencies();
        StatusCounts codes = new StatusCounts();
        AtomicInteger inFlight = new AtomicInteger();
        int count = (int) Math.round(rate * duration.toMillis() / 1000.0);
        long interval = (long) (1e9 / rate);
        List<Tokens.Client> clients = new ArrayList<>(ctx.postClients);
        if (!clients.contains(Tokens.Client.dev("admin"))) {
            clients.add(Tokens.Client.dev("admin"));
        }
        for (Tokens.Client c : clients) {
            ctx.tokens.bearer(c);
        }
        long start = System.nanoTime() + 20_000_000L;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            String body = ctx.articles.next().json();
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.incrementAndGet();
            ctx.http.sendAsync(ctx.post(base, "/api/v1/articles", clients.get(i % clients.size()), "application/json", body)
                    .build()).whenComplete((r, ex) -> {
                        inFlight.decrementAndGet();
                        if (ex != null) {
                            codes.add(0);
                            return;
                        }
                        codes.add(r.statusCode());
                        if (r.statusCode() == 202) {
                            latency.addNanos(System.nanoTime() - due);
                        }
                    });
        }
        while (inFlight.get() > 0) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>(latency.summary());
        m.put("target", base);
        m.put("offered_rate", rate);
        m.put("clients", clients.size());
        m.put("accepted_per_s", PipelineLoad.round2(latency.count() / seconds));
        m.put("status_codes", codes.asMap());
        m.put("http_429", codes.get(429));
        m.put("http_5xx", codes.serverErrors());
        Context.say("single POSTs at %.0f/s to %s: %s, codes %s", rate, base, latency.line(), codes);
        return m;
    }

    // ------------------------------------------------------------------ baseline

    private record Row(String id, Articles.Article article, String textHash, byte[] minhash, long[] bands, String payload) {
    }

    private Map<String, Object> jdbcBaseline(int n, int concurrency) throws Exception {
        List<Row> rows = new ArrayList<>(n);
        Random random = new Random(11);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < n; i++) {
            Articles.Article a = ctx.articles.next();
            String hash = HexFormat.of().formatHex(sha.digest(a.text().getBytes(StandardCharsets.UTF_8)));
            byte[] minhash = new byte[128 * 8];
            random.nextBytes(minhash);
            long[] bands = new long[32];
            ByteBuffer bb = ByteBuffer.wrap(minhash);
            for (int b = 0; b < 32; b++) {
                bands[b] = bb.getLong(b * 32);
            }
            rows.add(new Row(hash.substring(0, 32), a, hash, minhash, bands, a.json()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        String user = ctx.options.string("db-user", "postgres");
        String password = ctx.options.string("db-password", "");
        // Temporary copies (with their indexes and unique constraints) of ingest-service's tables, per connection:
        // the service's data is never touched and everything vanishes when the connection closes.
        int half = n / 2;
        try (Connection c = DriverManager.getConnection(ctx.ingestJdbc, user, password)) {
            createTempTables(c);
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            for (int i = 0; i < half; i += 100) {
                for (Row r : rows.subList(i, Math.min(half, i + 100))) {
                    insert(c, r, "batch");
                }
                c.commit();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            m.put("chunks_of_100_one_connection_per_s", PipelineLoad.round2(half / s));
            Context.say("JDBC baseline, 100 articles a transaction, 1 connection: %.0f articles/s", half / s);
        }
        List<Row> rest = rows.subList(half, n);
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> work = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Connection c = DriverManager.getConnection(ctx.ingestJdbc, user, password);
            createTempTables(c);
            c.setAutoCommit(false);
            connections.add(c);
        }
        long t0 = System.nanoTime();
        for (Connection c : connections) {
            work.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < rest.size()) {
                    insert(c, rest.get(i), "json");
                    c.commit();
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        for (Connection c : connections) {
            c.close();
        }
        m.put("one_per_transaction_connections", concurrency);
        m.put("one_per_transaction_per_s", PipelineLoad.round2(done.get() / s));
        m.put("articles", n);
        Context.say("JDBC baseline, 1 article a transaction, %d connections: %.0f articles/s", concurrency, done.get() / s);
        return m;
    }

    private static void createTempTables(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE bench_article (LIKE article INCLUDING ALL)");
            st.execute("CREATE TEMP TABLE bench_minhash_band (LIKE article_minhash_band INCLUDING ALL)");
            st.execute("CREATE TEMP TABLE bench_outbox (LIKE outbox_event INCLUDING ALL)");
        }
    }

    private static void insert(Connection c, Row r, String kind) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_article (id, source_name, source_domain, title,"
                + " published_at, published_at_source, language, text, text_hash, input_kind, submitted_by, minhash,"
                + " ingested_at) VALUES (?, ?, ?, ?, ?, 'submission', 'en', ?, ?, ?, 'service-account-newslens-ingestor', ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.article().sourceName());
            ps.setString(3, r.article().sourceDomain());
            ps.setString(4, r.article().title());
            ps.setTimestamp(5, Timestamp.from(r.article().publishedAt()));
            ps.setString(6, r.article().text());
            ps.setString(7, r.textHash());
            ps.setString(8, kind);
            ps.setBytes(9, r.minhash());
            ps.setTimestamp(10, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_minhash_band (band, bucket, article_id) VALUES (?, ?, ?)")) {
            for (int b = 0; b < r.bands().length; b++) {
                ps.setShort(1, (short) b);
                ps.setLong(2, r.bands()[b]);
                ps.setString(3, r.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_outbox (aggregate_id, topic, event_type, payload,"
                + " created_at, next_attempt_at) VALUES (?, 'articles.ingested', 'ArticleIngested', ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.payload());
            ps.setTimestamp(3, now);
            ps.setTimestamp(4, now);
            ps.executeUpdate();
        }
    }
}
