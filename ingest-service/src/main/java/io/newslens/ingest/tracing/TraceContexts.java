package io.newslens.ingest.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C {@code traceparent} of a context as a string and back: the outbox keeps the request's trace with the
 * row, and the relay (a thread of its own, seconds or hours later) continues that trace when it publishes.
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    /** The {@code traceparent} of the current span, or null when nothing is traced here. */
    public static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a stored {@code traceparent} names, or null when there is none or it does not parse. */
    public static Context fromTraceparent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return null;
        }
        Context extracted = W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP_GETTER);
        return Span.fromContext(extracted).getSpanContext().isValid() ? extracted : null;
    }

    /** The trace id inside a {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        List<String> parts = List.of(traceparent.split("-"));
        return parts.size() == 4 ? parts.get(1) : null;
    }
}
