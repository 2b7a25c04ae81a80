package io.reactivecql.internal.observability;

import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.observability.RequestLogOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.CancellationException;

/**
 * The built-in request logger: one line per request when it ends, on {@code io.reactivecql.requests}:
 * successes at DEBUG, slow requests and failures at WARN. A line is formatted only when its level
 * is enabled, so a logger set to INFO costs one level check per request.
 */
final class RequestLogger implements RequestTracker {

    static final Logger LOG = LoggerFactory.getLogger("io.reactivecql.requests");

    private final String session;
    private final RequestLogOptions options;
    private final long slowNanos;
    private final StatementFormatter formatter;
    private final ContextMdc mdc;

    RequestLogger(String session, RequestLogOptions options, CodecRegistry registry) {
        this.session = session;
        this.options = options;
        this.slowNanos = options.slowThreshold().toNanos();
        this.formatter = new StatementFormatter(options, registry);
        this.mdc = new ContextMdc(options.contextKeys());
    }

    @Override
    public void onRequestSuccess(TrackedRequest request, InetSocketAddress coordinator, long latencyNanos) {
        if (options.slowEnabled() && latencyNanos > slowNanos) {
            if (LOG.isWarnEnabled()) {
                String line = line("Slow request", latencyNanos, coordinator, request).toString();
                mdc.run(request.context(), () -> LOG.warn(line));
            }
        } else if (options.successEnabled() && LOG.isDebugEnabled()) {
            String line = line("Request", latencyNanos, coordinator, request).toString();
            mdc.run(request.context(), () -> LOG.debug(line));
        }
    }

    @Override
    public void onRequestError(TrackedRequest request, InetSocketAddress node, Throwable error, long latencyNanos) {
        if (!options.errorEnabled() || error instanceof CancellationException || !LOG.isWarnEnabled()) {
            return;
        }
        StringBuilder line = line("Failed request", latencyNanos, node, request);
        if (options.showStackTraces()) {
            String text = line.toString();
            mdc.run(request.context(), () -> LOG.warn(text, error));
        } else {
            String text = line.append(" -> ").append(error).toString();
            mdc.run(request.context(), () -> LOG.warn(text));
        }
    }

    /** {@code [s0] Slow request (1203.4 ms, over 1000 ms) to 127.0.0.1:9042, page 2: SELECT ... [values]} */
    private StringBuilder line(String what, long latencyNanos, InetSocketAddress node, TrackedRequest request) {
        StringBuilder out = new StringBuilder(160);
        out.append('[').append(session).append("] ").append(what).append(" (");
        millis(out, latencyNanos);
        if (what.startsWith("Slow")) {
            out.append(", over ");
            millis(out, slowNanos);
        }
        out.append(") ");
        if (node != null) {
            out.append("to ").append(node.getHostString()).append(':').append(node.getPort());
        } else {
            out.append("before any node");
        }
        if (request.kind() == Kind.PREPARE) {
            out.append(", PREPARE: ");
        } else if (request.page() > 1) {
            out.append(", page ").append(request.page()).append(": ");
        } else {
            out.append(": ");
        }
        formatter.append(out, request.statement());
        return out;
    }

    static void millis(StringBuilder out, long nanos) {
        long tenths = nanos / 100_000;
        out.append(tenths / 10).append('.').append(tenths % 10).append(" ms");
    }
}
