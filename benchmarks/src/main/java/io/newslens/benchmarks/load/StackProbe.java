package io.newslens.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Watches the running stack while load runs: resident memory of each part (the processes of its session, from the
 * stack's pid files, so Keycloak's launcher and its JVM count together) and, from nlp-service's {@code /q/metrics},
 * the consumer lag on {@code articles.ingested} and the heap in use.
 */
final class StackProbe implements AutoCloseable {

    /**
     * @param lag the consumer lag nlp-service reports on /q/metrics (NaN when it reports none)
     * @param brokerLag the same backlog as the broker sees it (committed offsets against end offsets; -1 unknown)
     */
    record Sample(long epochMillis, Map<String, Long> rssMb, double lag, long brokerLag, double nlpHeapUsedMb,
            double nlpHeapMaxMb) {
    }

    private final Http http;
    private final Path runDir;
    private final URI nlpMetrics;
    private final String lagMetric;
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String lagSeriesUsed;
    private final KafkaLag kafkaLag;

    StackProbe(Http http, Path runDir, String nlpMetricsUrl, String lagMetric, Duration every, KafkaLag kafkaLag) {
        this.http = http;
        this.kafkaLag = kafkaLag;
        this.runDir = runDir;
        this.nlpMetrics = Loopback.require(nlpMetricsUrl);
        this.lagMetric = lagMetric;
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    samples.add(sample());
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a part restarting or a metrics scrape failing is part of what we watch; keep sampling
                }
            }
        }, "stack-probe");
        thread.setDaemon(true);
    }

    StackProbe start() {
        thread.start();
        return this;
    }

    List<Sample> samples() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    String lagSeriesUsed() {
        return lagSeriesUsed;
    }

    Sample sample() {
        Map<String, Long> rss = rssMb();
        String metrics = scrape();
        double lag = Double.NaN;
        double heapUsed = Double.NaN;
        double heapMax = Double.NaN;
        if (metrics != null) {
            lag = lag(metrics);
            heapUsed = sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"") / 1048576.0;
            heapMax = sum(metrics, "jvm_memory_max_bytes", "area=\"heap\"") / 1048576.0;
        }
        long brokerLag = kafkaLag == null ? -1 : kafkaLag.lag();
        return new Sample(System.currentTimeMillis(), rss, lag, brokerLag, heapUsed, heapMax);
    }

    String scrape() {
        try {
            HttpResponse<String> r = http.send(http.request(nlpMetrics).GET().build());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Every metric name on the page that mentions lag: what the report lists when the expected one is absent. */
    static List<String> lagMetricNames(String metrics) {
        TreeSet<String> names = new TreeSet<>();
        for (String line : metrics.split("\n")) {
            if (!line.startsWith("#")) {
                String name = line.split("[{ ]", 2)[0];
                if (name.contains("lag")) {
                    names.add(name);
                }
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * The summed per-partition lag of nlp-service's consumer on articles.ingested ({@code --lag-metric}, by default
     * the Kafka client's {@code records-lag} as Micrometer names it), else the client's max lag; NaN when neither is
     * exposed.
     */
    private double lag(String metrics) {
        for (String name : List.of(lagMetric, lagMetric + "_max", "kafka_consumer_fetch_manager_records_lag_max")) {
            double v = sum(metrics, name, "articles.ingested");
            if (!Double.isNaN(v)) {
                lagSeriesUsed = name + "{topic=\"articles.ingested\"}";
                return v;
            }
        }
        return Double.NaN;
    }

    /** Sum of the samples of one metric whose labels contain {@code labelPart} (DLQ series excluded); NaN if none. */
    static double sum(String metrics, String name, String labelPart) {
        double total = 0;
        boolean found = false;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(labelPart) && !line.contains(".dlq")) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                try {
                    double v = Double.parseDouble(value);
                    if (!Double.isNaN(v)) {
                        total += v;
                        found = true;
                    }
                } catch (NumberFormatException ignored) {
                    // not a sample line
                }
            }
        }
        return found ? total : Double.NaN;
    }

    /** Resident memory of each part in MB: every process in the session its pid file names. */
    Map<String, Long> rssMb() {
        Map<String, Long> out = new TreeMap<>();
        if (runDir == null || !Files.isDirectory(runDir)) {
            return out;
        }
        Map<Long, Long> rssBySession = new LinkedHashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long session = Long.parseLong(after[3]);
                    long rssKb = 0;
                    for (String line : Files.readAllLines(p.resolve("status"))) {
                        if (line.startsWith("VmRSS:")) {
                            rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        }
                    }
                    rssBySession.merge(session, rssKb, Long::sum);
                } catch (IOException | RuntimeException ignored) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return out;
        }
        try (Stream<Path> pids = Files.list(runDir)) {
            for (Path f : pids.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                String part = f.getFileName().toString().replace(".pid", "");
                long pid = Long.parseLong(Files.readString(f).strip());
                Long kb = rssBySession.get(pid);
                if (kb != null) {
                    out.put(part, kb / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return out;
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
