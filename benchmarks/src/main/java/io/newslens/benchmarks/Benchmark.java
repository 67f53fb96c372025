package io.newslens.benchmarks;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.newslens.nlp.pipeline.ner.CoreNlpSettings;
import io.newslens.nlp.pipeline.ner.LanguageAnalyzer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Throughput of the newslens language layer against stock CoreNLP's default NER pipeline
 * (tokenize,ssplit,pos,lemma,ner) on the same articles in the same JVM, with 1 and 2 threads, and the heap each
 * needs. Not a test: run it on a quiet machine (see docs/nlp-language-layer.md).
 *
 * <pre>
 *   Benchmark [--passes N] [--newslens-first] [--only stock|newslens] FILE_OR_DIR...
 * </pre>
 * Files may carry the gold set's inline [[TYPE ...]] markup; it is stripped. Tokens are counted once, with the
 * layer's tokenizer, so both systems are credited with the same number.
 */
public final class Benchmark {

    record Row(String system, int threads, double seconds, double medianPassSeconds, int articles, long heapLoadedMb,
            long heapPeakMb) {
    }

    public static void main(String[] args) throws Exception {
        int passes = 2;
        boolean newslensFirst = false;
        String only = null;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--passes")) {
                passes = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--only")) {
                only = args[++i];
            } else if (args[i].equals("--newslens-first")) {
                newslensFirst = true;
            } else {
                Path p = Path.of(args[i]);
                try (Stream<Path> files = Files.isDirectory(p) ? Files.list(p) : Stream.of(p)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                        texts.add(GoldToConll.strip(Files.readString(f)).text());
                    }
                }
            }
        }
        // Both systems loaded side by side, then timed in alternating passes, so that load from other processes on a
        // shared machine hits both alike; the median pass is reported next to the total.
        long base = usedHeapAfterGc();
        StanfordCoreNLP stock = only == null || only.equals("stock") ? new StanfordCoreNLP(CoreNlpSettings.stock()) : null;
        long afterStock = usedHeapAfterGc();
        LanguageAnalyzer layer = only == null || only.equals("newslens") ? new LanguageAnalyzer() : null;
        long afterLayer = usedHeapAfterGc();
        List<String> systems = new ArrayList<>();
        List<Consumer<String>> runs = new ArrayList<>();
        List<Long> heaps = new ArrayList<>();
        if (stock != null) {
            systems.add("stock");
            runs.add(text -> stock.annotate(new CoreDocument(text)));
            heaps.add((afterStock - base) >> 20);
        }
        if (layer != null) {
            systems.add("newslens");
            runs.add(text -> layer.analyze(text, Instant.parse("2024-01-01T00:00:00Z")));
            heaps.add((afterLayer - afterStock) >> 20);
        }
        if (newslensFirst) {
            java.util.Collections.reverse(systems);
            java.util.Collections.reverse(runs);
            java.util.Collections.reverse(heaps);
        }
        LanguageAnalyzer counter = layer != null ? layer : new LanguageAnalyzer();
        long tokens = 0;
        for (String t : texts) {
            tokens += counter.analyze(t, null).sentences().stream().mapToLong(x -> x.tokens().size()).sum();
        }
        for (Consumer<String> run : runs) {
            for (String t : texts) {
                run.accept(t); // warm-up pass: JIT and lazily loaded resources
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int threads : new int[] { 1, 2 }) {
            double[][] seconds = new double[runs.size()][passes];
            long[] peaks = new long[runs.size()];
            for (int p = 0; p < passes; p++) {
                for (int k = 0; k < runs.size(); k++) {
                    resetPeaks();
                    long start = System.nanoTime();
                    runPasses(runs.get(k), texts, 1, threads);
                    seconds[k][p] = (System.nanoTime() - start) / 1e9;
                    peaks[k] = Math.max(peaks[k], (peakHeap() - base) >> 20);
                }
            }
            for (int k = 0; k < runs.size(); k++) {
                double[] sorted = seconds[k].clone();
                java.util.Arrays.sort(sorted);
                double total = java.util.Arrays.stream(sorted).sum();
                rows.add(new Row(systems.get(k), threads, total, sorted[passes / 2], texts.size() * passes, heaps.get(k), peaks[k]));
            }
        }
        System.out.printf(Locale.ROOT, "%n%d articles x %d passes, %d tokens per pass (layer's tokenizer), %d cores%n",
                texts.size(), passes, tokens, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-10s %7s %10s %10s %16s %9s %12s %12s%n", "system", "threads", "articles/s",
                "tokens/s", "median-pass tok/s", "vs stock", "heap (MB)", "JVM peak (MB)");
        for (Row r : rows) {
            double tps = tokens * (double) passes / r.seconds();
            double median = tokens / r.medianPassSeconds();
            Row baseline = rows.stream().filter(x -> x.system().equals("stock") && x.threads() == r.threads()).findFirst()
                    .orElse(null);
            double ratio = baseline == null ? Double.NaN : tps / (tokens * (double) passes / baseline.seconds());
            System.out.printf(Locale.ROOT, "%-10s %7d %10.2f %10.0f %16.0f %8.1fx %12d %12d%n", r.system(), r.threads(),
                    r.articles() / r.seconds(), tps, median, ratio, r.heapLoadedMb(), r.heapPeakMb());
        }
        System.out.println("heap: retained by each system after loading (after GC); JVM peak: heap pools' peak with both loaded");
    }

    private static void runPasses(Consumer<String> run, List<String> texts, int passes, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 0; p < passes; p++) {
                for (String t : texts) {
                    futures.add(pool.submit(() -> run.accept(t)));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the heap in use during the run. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
