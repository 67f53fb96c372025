package io.newslens.benchmarks.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Every sample kept (runs are minutes long, so thousands of values): exact percentiles, no bucketing error. */
final class Latencies {

    private long[] micros = new long[1024];
    private int size;

    synchronized void add(long valueMicros) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = Math.max(0, valueMicros);
    }

    void addNanos(long nanos) {
        add(nanos / 1000);
    }

    synchronized int count() {
        return size;
    }

    /** The value at quantile q (0..1), in milliseconds; NaN when empty. Nearest-rank method. */
    synchronized double millis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.min(size - 1, Math.max(0, rank - 1))] / 1000.0;
    }

    synchronized double meanMillis() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += micros[i];
        }
        return sum / size / 1000.0;
    }

    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", count());
        m.put("p50_ms", round(millis(0.50)));
        m.put("p95_ms", round(millis(0.95)));
        m.put("p99_ms", round(millis(0.99)));
        m.put("max_ms", round(millis(1.0)));
        m.put("mean_ms", round(meanMillis()));
        return m;
    }

    String line() {
        if (count() == 0) {
            return "n=0";
        }
        return String.format(Locale.ROOT, "n=%d p50=%s p95=%s p99=%s max=%s", count(), fmt(millis(0.5)), fmt(millis(0.95)),
                fmt(millis(0.99)), fmt(millis(1.0)));
    }

    static String fmt(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.1fs", ms / 1000)
                : ms >= 100 ? String.format(Locale.ROOT, "%.0fms", ms) : String.format(Locale.ROOT, "%.1fms", ms);
    }

    static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
    }
}
