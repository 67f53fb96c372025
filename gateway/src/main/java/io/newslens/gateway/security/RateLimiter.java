package io.newslens.gateway.security;

import io.newslens.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client token buckets: a client may burst up to {@code burst} requests and then
 * {@code perSecond} requests a second. Kept in memory per gateway replica; with N replicas behind a
 * balancer the effective limit is at most N times higher, which the limits are sized for.
 */
@ApplicationScoped
public class RateLimiter {

    /** The outcome of one request: allowed, or denied with the seconds until a token is back. */
    public record Decision(boolean allowed, long retryAfterSeconds, long remaining) {
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;
        long lastUsedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
            this.lastUsedNanos = now;
        }
    }

    @Inject
    GatewayConfig config;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public Decision take(String clientKey) {
        if (!config.rateLimit().enabled()) {
            return new Decision(true, 0, Long.MAX_VALUE);
        }
        double capacity = config.rateLimit().burst();
        double rate = config.rateLimit().perSecond();
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(clientKey, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            double elapsed = (now - bucket.updatedNanos) / 1e9;
            bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * rate);
            bucket.updatedNanos = now;
            bucket.lastUsedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0, (long) bucket.tokens);
            }
            long retry = (long) Math.ceil((1 - bucket.tokens) / rate);
            return new Decision(false, Math.max(1, retry), 0);
        }
    }

    /** Forgets clients idle for ten minutes: their buckets would be full again anyway. */
    @Scheduled(every = "60s")
    void evictIdle() {
        long cutoff = System.nanoTime() - 600_000_000_000L;
        buckets.entrySet().removeIf(e -> e.getValue().lastUsedNanos < cutoff);
    }
}
