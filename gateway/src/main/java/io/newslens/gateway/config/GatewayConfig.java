package io.newslens.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Every setting of the gateway, under {@code newslens.gateway}. */
@ConfigMapping(prefix = "newslens.gateway")
public interface GatewayConfig {

    /** Base URL of ingest-service (articles in, status, feeds, admin). */
    @WithDefault("http://127.0.0.1:8081")
    String ingestUrl();

    /** Base URL of nlp-service (annotate). */
    @WithDefault("http://127.0.0.1:8082")
    String nlpUrl();

    /** Base URL of query-service (search and analysis). */
    @WithDefault("http://127.0.0.1:8083")
    String queryUrl();

    /** How long a backend may stay silent during a request before the gateway answers 504. */
    @WithDefault("60S")
    Duration backendTimeout();

    @WithDefault("5S")
    Duration connectTimeout();

    Limits limits();

    RateLimit rateLimit();

    interface Limits {
        /** Largest body of an ordinary API request, in bytes. */
        @WithDefault("6291456")
        long maxBodyBytes();

        /** Largest body of a batch or upload request (streamed, never buffered), in bytes. */
        @WithDefault("268435456")
        long maxBulkBodyBytes();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Requests a client may make in a burst. */
        @WithDefault("60")
        int burst();

        /** Sustained requests per second per client. */
        @WithDefault("20")
        double perSecond();
    }
}
