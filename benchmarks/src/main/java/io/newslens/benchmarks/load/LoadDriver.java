package io.newslens.benchmarks.load;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The newslens load driver: real tokens from the stack's Keycloak, unique articles, open-loop schedules, and only
 * loopback targets. Every run stops by itself (each phase has a duration and a drain cap, and the whole JVM exits
 * after {@code --max-duration}). Figures go to the console and, one JSON object per phase, to
 * {@code benchmarks/target/load-results.jsonl}.
 *
 * <pre>
 *   benchmarks/run.sh Load capacity                        NLP capacity from the drain rate of a backlog
 *   benchmarks/run.sh Load rate --rate 2 --duration 90s    open-loop single POSTs: ingest and end-to-end latency
 *   benchmarks/run.sh Load search --clients 4 --search-rate 30 --search-duration 30s
 *   benchmarks/run.sh Load limits                          one client over its rate limit: 429s counted
 *   benchmarks/run.sh Load ingest                          ingest throughput (batches, single POSTs) and JDBC baseline
 *   benchmarks/run.sh Load suite                           capacity, 50 % and 90 % of it, 2× (backpressure), limits, search
 *   benchmarks/run.sh Load smoke                           a few seconds of each, to check the wiring
 * </pre>
 */
public final class LoadDriver {

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        String command = o.positional().isEmpty() ? "help" : o.positional().get(0);
        if (command.equals("help")) {
            System.out.println(usage());
            return;
        }
        Duration cap = o.duration("max-duration", Duration.ofMinutes(25));
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(cap.toMillis());
                System.err.println("load driver: --max-duration " + cap.toSeconds() + "s reached, stopping");
                System.exit(3);
            } catch (InterruptedException ignored) {
                // finished in time
            }
        }, "duration-cap");
        watchdog.setDaemon(true);
        watchdog.start();
        Context context;
        try {
            context = new Context(o);
        } catch (IllegalArgumentException e) {
            System.err.println("load driver: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (Context ctx = context) {
            Context.say("load driver: run %s, gateway %s, %d sentences in the article pool, results to %s", ctx.runTag,
                    ctx.gateway, ctx.articles.poolSize(), ctx.out);
            PipelineLoad pipeline = new PipelineLoad(ctx);
            switch (command) {
                case "capacity" -> pipeline.capacity(o.integer("warmup", 30), o.integer("probe-seconds", 60));
                case "rate" -> pipeline.rate(o.string("label", "rate"), o.number("rate", 1),
                        o.duration("duration", Duration.ofSeconds(60)), o.duration("drain", Duration.ofSeconds(120)));
                case "search" -> new SearchBench(ctx).run(o.integer("clients", 4), o.number("search-rate", 30),
                        o.duration("search-duration", Duration.ofSeconds(30)));
                case "limits" -> limits(pipeline, o);
                case "ingest" -> new IngestBench(ctx).run();
                case "suite" -> suite(ctx, pipeline, o);
                case "smoke" -> smoke(ctx, pipeline);
                case "articles" -> showArticles(ctx, o.integer("count", 2));
                default -> {
                    System.err.println("unknown command " + command + "\n" + usage());
                    System.exit(2);
                }
            }
        }
        System.exit(0);
    }

    private static Map<String, Object> limits(PipelineLoad pipeline, Options o) throws InterruptedException {
        return pipeline.limits(o.number("limit-rate", 50), o.duration("limit-duration", Duration.ofSeconds(4)),
                o.integer("limit-burst", 60), o.number("limit-per-second", 20));
    }

    /**
     * The measuring session: capacity first, then end-to-end latency at 50 % and 90 % of it, then about twice it
     * for a few minutes (backpressure: the backlog must wait in Kafka and drain afterwards), then the rate limit and
     * search latency once the pipeline is quiet again.
     */
    private static void suite(Context ctx, PipelineLoad pipeline, Options o) throws Exception {
        double capacity = o.number("capacity", Double.NaN);
        if (Double.isNaN(capacity)) {
            capacity = pipeline.capacity(o.integer("warmup", 30), o.integer("probe-seconds", 60));
        }
        if (Double.isNaN(capacity) || capacity <= 0) {
            throw new IllegalStateException("no capacity measured; see the capacity phase above");
        }
        Duration point = o.duration("point-duration", Duration.ofSeconds(90));
        Duration drain = o.duration("drain", Duration.ofSeconds(120));
        pipeline.rate("50% of capacity", 0.5 * capacity, point, drain);
        pipeline.rate("90% of capacity", 0.9 * capacity, point, drain);
        Duration overload = o.duration("overload-duration", Duration.ofSeconds(150));
        Duration overloadDrain = o.duration("overload-drain", Duration.ofSeconds(Math.round(overload.toSeconds() * 1.6) + 60));
        pipeline.rate("2x capacity (backpressure)", 2 * capacity, overload, overloadDrain);
        limits(pipeline, o);
        new SearchBench(ctx).run(o.integer("clients", 4), o.number("search-rate", 30),
                o.duration("search-duration", Duration.ofSeconds(30)));
        Context.say(String.format(Locale.ROOT, "suite done (capacity %.2f articles/s)", capacity));
    }

    /** A few seconds of each phase against a running stack, to check the wiring before a measuring session. */
    private static void smoke(Context ctx, PipelineLoad pipeline) throws Exception {
        pipeline.rate("smoke", 1, Duration.ofSeconds(4), Duration.ofSeconds(90));
        pipeline.limits(30, Duration.ofSeconds(1), 60, 20);
        new SearchBench(ctx).run(2, 4, Duration.ofSeconds(3));
    }

    /** Prints a few generated articles and their size: what the load consists of. */
    private static void showArticles(Context ctx, int count) {
        for (int i = 0; i < count; i++) {
            Articles.Article a = ctx.articles.next();
            System.out.printf(Locale.ROOT, "--- %s | %s | %s | %d words, %d chars%n%s%n", a.title(), a.sourceName(),
                    a.publishedAt(), a.words(), a.text().length(), a.text());
        }
        System.out.println("--- query words: " + ctx.articles.queryWords(12, 7));
    }

    private static String usage() {
        return """
                usage: benchmarks/run.sh Load COMMAND [--option value ...]
                  capacity   [--warmup 30] [--probe-seconds 60]
                  rate       --rate R [--duration 60s] [--drain 120s] [--label text]
                  search     [--clients 4] [--search-rate 30] [--search-duration 30s]
                  limits     [--limit-rate 50] [--limit-duration 4s] [--limit-burst 60] [--limit-per-second 20]
                  ingest     [--batch-articles 1000] [--batches 2] [--html-articles 500] [--single-concurrency 8]
                             [--single-duration 20s] [--single-rate 50] [--single-rate-duration 15s] [--jdbc-articles 2000]
                  suite      [--capacity C (skip measuring it)] [--point-duration 90s] [--overload-duration 150s]
                  smoke      a few seconds of rate, limits and search
                  articles   [--count 2]  print generated articles (no stack needed)
                targets (loopback only; anything else is refused):
                  --gateway http://localhost:8080  --realm http://localhost:8180/realms/newslens
                  --ingest-url http://127.0.0.1:8081  --query-url http://127.0.0.1:8083
                  --nlp-metrics http://127.0.0.1:8082/q/metrics  --query-jdbc/--ingest-jdbc jdbc:postgresql://127.0.0.1:5432/...
                other: --words 500 (article length)  --post-clients ingestor,api  --search-clients analyst,api,admin
                  --poll-clients analyst,admin  --polls-per-second 30  --lag-metric NAME  --stack-run-dir .newslens/dev/run
                  --corpus ../shared/corpus/seeds,samples,benchmarks/src/main/resources/gold  --out FILE  --max-duration 25m
                """;
    }
}
