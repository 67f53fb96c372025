package io.newslens.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every setting of ingest-service, under {@code newslens.ingest}. */
@ConfigMapping(prefix = "newslens.ingest")
public interface IngestConfig {

    /** The gateway's public base URL, used in status links. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Largest accepted body of a single article request, in bytes (413 above). */
    @WithDefault("5242880")
    int maxArticleBytes();

    /** Largest cleaned article text, in characters (413 above). */
    @WithDefault("500000")
    int maxTextChars();

    /** Largest NDJSON batch line, in bytes. */
    @WithDefault("5242880")
    int maxBatchLineBytes();

    /** Largest uploaded file, in bytes. */
    @WithDefault("10485760")
    int maxUploadFileBytes();

    /** How far in the future a publication date may lie before it is refused as impossible. */
    @WithDefault("P2D")
    Duration maxFuturePublication();

    Outbox outbox();

    Fetch fetch();

    Dedup dedup();

    Feeds feeds();

    interface Feeds {
        /** Shortest poll interval a subscription may ask for, in seconds. */
        @WithDefault("60")
        int minPollIntervalSeconds();
    }

    interface Outbox {
        /** Rows published per relay round. */
        @WithDefault("200")
        int batchSize();

        /** How long one round waits for Kafka's acknowledgements. */
        @WithDefault("20S")
        Duration ackTimeout();

        /** First back-off after a failed send; doubles up to {@link #maxBackoff()}. */
        @WithDefault("1S")
        Duration initialBackoff();

        @WithDefault("30S")
        Duration maxBackoff();
    }

    interface Fetch {
        /** Whether articles may be submitted by URL only (fetched by the service). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("5S")
        Duration connectTimeout();

        @WithDefault("15S")
        Duration readTimeout();

        @WithDefault("5")
        int maxRedirects();

        @WithDefault("5242880")
        int maxBytes();

        @WithDefault("newslens/1.0 (+https://newslens.io/bot)")
        String userAgent();

        /**
         * Hosts or CIDR ranges that may be fetched although they are private (tests use a local server).
         * Empty in production: private, loopback and link-local addresses are refused.
         */
        Optional<List<String>> allowPrivateHosts();
    }

    interface Dedup {
        /** Estimated Jaccard similarity of word shingles above which an article is a near duplicate. */
        @WithDefault("0.7")
        double nearDuplicateThreshold();
    }
}
