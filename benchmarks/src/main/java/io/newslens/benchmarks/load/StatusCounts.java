package io.newslens.benchmarks.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** HTTP status codes seen (and transport errors as code 0), for 429 and 5xx accounting. */
final class StatusCounts {

    private final Map<Integer, LongAdder> counts = new ConcurrentHashMap<>();

    void add(int status) {
        counts.computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    long get(int status) {
        LongAdder a = counts.get(status);
        return a == null ? 0 : a.sum();
    }

    long serverErrors() {
        return counts.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().sum()).sum();
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> asMap() {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k == 0 ? "transport-error" : String.valueOf(k), v.sum()));
        return m;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
