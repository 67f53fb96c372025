package io.newslens.nlp.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** newslens timers get histogram buckets on /q/metrics (for p95 across replicas); other timers are left as they are. */
class LatencyHistogramsTest {

    @Test
    void newslensTimersPublishBucketsOthersDoNot() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new LatencyHistograms().newslensTimerHistograms());
        registry.timer("newslens.nlp.annotate.duration").record(Duration.ofMillis(120));
        registry.timer("http.server.requests").record(Duration.ofMillis(120));
        String scrape = registry.scrape();
        assertTrue(scrape.contains("newslens_nlp_annotate_duration_seconds_bucket{le=\"0.001\""), scrape);
        assertTrue(scrape.contains("newslens_nlp_annotate_duration_seconds_bucket{le=\"+Inf\""), scrape);
        assertFalse(scrape.contains("newslens_nlp_annotate_duration_seconds_bucket{le=\"120.0\""),
                "no buckets past the 60 s maximum");
        assertFalse(scrape.contains("http_server_requests_seconds_bucket"), "other timers keep their own settings");
    }
}
