package io.reactivecql.samples.webflux;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every span Brave finishes (a {@link SpanHandler} bean Boot's tracing picks up). */
public final class FinishedSpans extends SpanHandler {

    /** A finished span. */
    public record Span(String traceId, String spanId, String parentId, String name, String kind,
                       java.util.Map<String, String> tags) {
    }

    private final List<Span> spans = new CopyOnWriteArrayList<>();

    @Override
    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
        spans.add(new Span(span.traceId(), span.id(), span.parentId(), span.name(),
                span.kind() == null ? null : span.kind().name(), java.util.Map.copyOf(span.tags())));
        return true;
    }

    public List<Span> all() {
        return List.copyOf(spans);
    }

    public List<Span> ofTrace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }
}
