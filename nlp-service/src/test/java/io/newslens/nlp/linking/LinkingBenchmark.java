package io.newslens.nlp.linking;

import io.newslens.nlp.linking.index.MappedWikiIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Heap, resident memory and look-up latency of the linking index (a benchmark, not a test):
 * {@code java -cp ... io.newslens.nlp.linking.LinkingBenchmark [index file]} (see docs/nlp-linking.md).
 */
public final class LinkingBenchmark {

    private LinkingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long rssBefore = rssKb("VmRSS");
        long t0 = System.nanoTime();
        MappedWikiIndex index = args.length > 0 ? MappedWikiIndex.open(Paths.get(args[0])) : RealIndex.open();
        long openMicros = (System.nanoTime() - t0) / 1000;
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        System.out.printf("index: %,d titles, %,d keys, %.1f MB on disk, opened in %d µs; heap +%.1f MB%n", index.titleCount(),
                index.keyCount(), index.sizeBytes() / 1e6, openMicros, (heapAfter - heapBefore) / 1e6);

        // keys: names of random titles (hits) and random strings (misses), 9:1
        Random random = new Random(1);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20000; i++) {
            if (i % 10 == 9) {
                keys.add("zq" + Long.toString(random.nextLong(), 36));
            } else {
                keys.add(NameKeys.key(NameKeys.baseName(index.title(random.nextInt(index.titleCount())).title())));
            }
        }
        for (String k : keys.subList(0, 5000)) {
            index.lookup(k); // warm-up (JIT); pages stay cold for most of the measured keys
        }
        long[] lookup = new long[keys.size()];
        int hits = 0;
        for (int i = 0; i < keys.size(); i++) {
            long t = System.nanoTime();
            hits += index.lookup(keys.get(i)).isEmpty() ? 0 : 1;
            lookup[i] = System.nanoTime() - t;
        }
        Arrays.sort(lookup);
        System.out.printf("key look-up (%,d keys, %,d hits): p50 %.1f µs, p99 %.1f µs, max %.1f ms%n", keys.size(), hits,
                LinkingGold.percentile(lookup, 0.5) / 1e3, LinkingGold.percentile(lookup, 0.99) / 1e3,
                lookup[lookup.length - 1] / 1e6);

        EntityLinker linker = new EntityLinker(index, EntityLinker.Settings.defaults());
        LinkingGold.Gold gold = LinkingGold.load();
        for (int i = 0; i < 5; i++) {
            LinkingGold.score(gold, linker);
        }
        List<Long> perEntity = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (LinkingGold.Outcome o : LinkingGold.score(gold, linker).outcomes()) {
                perEntity.add(o.nanos());
            }
        }
        long[] link = perEntity.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("entity linking, two passes with context (%,d entities): p50 %.0f µs, p99 %.0f µs%n", link.length,
                LinkingGold.percentile(link, 0.5) / 1e3, LinkingGold.percentile(link, 0.99) / 1e3);
        System.gc();
        System.out.printf("heap used now %.1f MB; resident set %.0f MB (%.0f MB before opening), of which anonymous "
                + "%.0f MB and file-backed %.0f MB (index pages touched, shared with the page cache, evictable)%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6, rssKb("VmRSS") / 1e3, rssBefore / 1e3, rssKb("RssAnon") / 1e3,
                rssKb("RssFile") / 1e3);
    }

    private static long rssKb(String field) throws Exception {
        Path status = Paths.get("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
