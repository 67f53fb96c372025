package io.newslens.benchmarks.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every phase shares: targets (all checked to be loopback), clients, tokens, the article source, the results file. */
final class Context implements AutoCloseable {

    final Options options;
    final Path root;
    final String gateway;
    final String ingestDirect;
    final String queryDirect;
    final String nlpMetrics;
    final String queryJdbc;
    final String ingestJdbc;
    final Path runDir;
    final Http http;
    final Tokens tokens;
    final Articles articles;
    final List<Tokens.Client> postClients = new ArrayList<>();
    final List<Tokens.Client> searchClients = new ArrayList<>();
    final List<Tokens.Client> pollClients = new ArrayList<>();
    final Tokens.Client limitClient;
    final double pollsPerSecond;
    final Path out;
    final KafkaLag kafkaLag;
    final String runTag = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);

    Context(Options o) {
        this.options = o;
        this.root = Path.of(System.getProperty("newslens.root", ".")).toAbsolutePath().normalize();
        this.gateway = Loopback.require(o.string("gateway", "http://localhost:8080")).toString();
        this.ingestDirect = Loopback.require(o.string("ingest-url", "http://127.0.0.1:8081")).toString();
        this.queryDirect = Loopback.require(o.string("query-url", "http://127.0.0.1:8083")).toString();
        this.nlpMetrics = Loopback.require(o.string("nlp-metrics", "http://127.0.0.1:8082/q/metrics")).toString();
        String realm = Loopback.require(o.string("realm", "http://localhost:8180/realms/newslens")).toString();
        this.queryJdbc = Loopback.requireJdbc(o.string("query-jdbc", "jdbc:postgresql://127.0.0.1:5432/newslens_query"));
        this.ingestJdbc = Loopback.requireJdbc(o.string("ingest-jdbc", "jdbc:postgresql://127.0.0.1:5432/newslens_ingest"));
        this.runDir = root.resolve(o.string("stack-run-dir", ".newslens/dev/run"));
        this.http = new Http(o.duration("request-timeout", Duration.ofSeconds(60)));
        this.tokens = new Tokens(http, realm);
        for (String role : o.list("post-clients", "ingestor,api")) {
            postClients.add(Tokens.Client.dev(role));
        }
        for (String role : o.list("search-clients", "analyst,api,admin")) {
            searchClients.add(Tokens.Client.dev(role));
        }
        for (String role : o.list("poll-clients", "analyst,admin")) {
            pollClients.add(Tokens.Client.dev(role));
        }
        this.limitClient = Tokens.Client.dev(o.string("limit-client", "admin"));
        this.pollsPerSecond = o.number("polls-per-second", 30);
        List<Path> corpus = new ArrayList<>();
        for (String c : o.list("corpus", "../shared/corpus/seeds,samples,benchmarks/src/main/resources/gold")) {
            Path p = root.resolve(c).normalize();
            if (Files.exists(p)) {
                corpus.add(p);
            }
        }
        this.articles = new Articles(corpus, o.integer("words", 500), (long) o.number("seed", System.nanoTime()), runTag);
        this.out = root.resolve(o.string("out", "benchmarks/target/load-results.jsonl"));
        this.kafkaLag = o.flag("no-kafka") ? null
                : new KafkaLag(o.string("kafka", "127.0.0.1:9092"), o.string("nlp-group", "nlp-service"), "articles.ingested");
    }

    /** A probe of the stack for one phase (close it after): memory, nlp-service's lag metric, the broker's lag. */
    StackProbe probe() {
        return new StackProbe(http, runDir, nlpMetrics, options.string("lag-metric", "kafka_consumer_fetch_manager_records_lag"),
                options.duration("probe-every", java.time.Duration.ofSeconds(5)), kafkaLag);
    }

    HttpRequest.Builder post(String base, String path, Tokens.Client client, String contentType, String body) {
        return http.request(URI.create(base + path))
                .header("Authorization", tokens.bearer(client))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    HttpRequest.Builder get(String base, String pathAndQuery, Tokens.Client client) {
        return http.request(URI.create(base + pathAndQuery)).header("Authorization", tokens.bearer(client)).GET();
    }

    /** Appends one phase's figures to the results file (JSON lines) and returns them. */
    Map<String, Object> record(String phase, Map<String, Object> figures) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("phase", phase);
        line.put("at", Instant.now().toString());
        line.put("run", runTag);
        line.putAll(figures);
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, Http.JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line;
    }

    static void say(String format, Object... args) {
        System.out.printf(java.util.Locale.ROOT, "[%s] " + format + "%n",
                prepend(java.time.LocalTime.now().withNano(0).toString(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Override
    public void close() {
        if (kafkaLag != null) {
            kafkaLag.close();
        }
        http.close();
    }
}
