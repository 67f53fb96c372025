package io.newslens.ingest.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The span file of the local stack and the tests, under {@code newslens.tracing.file}. Off in production, where
 * spans leave over OTLP ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}).
 */
@ConfigMapping(prefix = "newslens.tracing.file")
public interface SpanFileConfig {

    /** Write finished spans as JSON lines; while on, Quarkus's OTLP exporter stays out (no collector needed). */
    @WithDefault("false")
    boolean enabled();

    /** The file; the local stack uses {@code .newslens/<profile>/traces/<service>.jsonl}. */
    @WithDefault("spans.jsonl")
    String path();

    /** Past this size the file is renamed to {@code <path>.1} (replacing the previous one) and started anew. */
    @WithDefault("67108864")
    long maxBytes();
}
