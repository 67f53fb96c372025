package io.newslens.gateway.config;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Histogram buckets for newslens's own timers ({@code newslens.*}: NLP, search, gateway latency), so Prometheus can
 * compute p95 across replicas ({@code histogram_quantile} over {@code _bucket}); a client-side percentile could
 * not be aggregated. Buckets from 1 ms to 60 s keep the series count bounded.
 */
@Singleton
public class LatencyHistograms {

    @Produces
    @Singleton
    public MeterFilter newslensTimerHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith("newslens.")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(60).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
