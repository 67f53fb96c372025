package io.newslens.query.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.jboss.logging.Logger;

/**
 * Writes each finished span as one JSON line ({@code traceId}, {@code spanId}, {@code parentSpanId}, {@code service},
 * {@code name}, {@code kind}, {@code start}, {@code durationMs}, {@code status}, {@code attributes}), so the local
 * stack shows a whole trace without a collector: {@code ./newslens trace <articleId>} reads the files of all four
 * services. Only looked up with {@code newslens.tracing.file.enabled=true}: a CDI {@link SpanExporter} takes the
 * place of Quarkus's OTLP exporter, which is what the local stack and the tests want and production must not get.
 * The same class lives in each service's {@code tracing} package.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "newslens.tracing.file.enabled", stringValue = "true")
public class SpanFileExporter implements SpanExporter {

    private static final Logger LOG = Logger.getLogger(SpanFileExporter.class);
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final Path path;
    private final long maxBytes;
    private Writer out;
    private long written;
    private boolean failed;

    @Inject
    public SpanFileExporter(SpanFileConfig config) {
        this.path = Path.of(config.path()).toAbsolutePath();
        this.maxBytes = config.maxBytes();
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        StringBuilder lines = new StringBuilder(512 * spans.size());
        for (SpanData span : spans) {
            appendJson(lines, span);
            lines.append('\n');
        }
        try {
            if (out == null || written > maxBytes) {
                open();
            }
            out.write(lines.toString());
            // flushed per call: the trace command reads the file while the service runs
            out.flush();
            written += lines.length();
            failed = false;
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            if (!failed) {
                LOG.warnf("cannot write spans to %s: %s", path, e.getMessage());
                failed = true;
            }
            closeQuietly();
            return CompletableResultCode.ofFailure();
        }
    }

    private void open() throws IOException {
        closeQuietly();
        Files.createDirectories(path.getParent());
        if (Files.exists(path) && Files.size(path) > maxBytes) {
            Files.move(path, path.resolveSibling(path.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        written = Files.exists(path) ? Files.size(path) : 0;
        out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static void appendJson(StringBuilder b, SpanData span) {
        b.append("{\"traceId\":\"").append(span.getTraceId())
                .append("\",\"spanId\":\"").append(span.getSpanId()).append('"');
        b.append(",\"parentSpanId\":");
        if (span.getParentSpanContext().isValid()) {
            b.append('"').append(span.getParentSpanId()).append('"');
        } else {
            b.append("null");
        }
        b.append(",\"service\":");
        string(b, span.getResource().getAttribute(SERVICE_NAME));
        b.append(",\"name\":");
        string(b, span.getName());
        b.append(",\"kind\":\"").append(span.getKind()).append('"');
        long start = span.getStartEpochNanos();
        // microseconds: enough to order spans, and what every ISO-8601 reader parses
        b.append(",\"start\":\"").append(Instant.ofEpochSecond(start / 1_000_000_000L, start % 1_000_000_000L)
                .truncatedTo(ChronoUnit.MICROS)).append('"');
        b.append(",\"durationMs\":").append(String.format(java.util.Locale.ROOT, "%.3f",
                (span.getEndEpochNanos() - start) / 1_000_000.0));
        b.append(",\"status\":\"").append(span.getStatus().getStatusCode()).append('"');
        b.append(",\"attributes\":{");
        boolean[] first = {true};
        span.getAttributes().forEach((key, value) -> {
            if (!first[0]) {
                b.append(',');
            }
            first[0] = false;
            string(b, key.getKey());
            b.append(':');
            string(b, String.valueOf(value));
        });
        b.append("}}");
    }

    private static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    @Override
    public synchronized CompletableResultCode flush() {
        try {
            if (out != null) {
                out.flush();
            }
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            return CompletableResultCode.ofFailure();
        }
    }

    @Override
    public synchronized CompletableResultCode shutdown() {
        closeQuietly();
        return CompletableResultCode.ofSuccess();
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the next export opens the file again
            }
            out = null;
        }
    }
}
