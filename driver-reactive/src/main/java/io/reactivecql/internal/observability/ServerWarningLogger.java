package io.reactivecql.internal.observability;

import io.reactivecql.internal.request.LightweightTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Logs the warnings a node returned with an answer, once per request, at WARN on
 * {@code io.reactivecql.warnings}. Lightweight: it needs no per-request timing.
 */
final class ServerWarningLogger implements LightweightTracker {

    static final Logger LOG = LoggerFactory.getLogger("io.reactivecql.warnings");

    private final String session;
    private final StatementFormatter formatter;
    private final ContextMdc mdc;

    ServerWarningLogger(String session, StatementFormatter formatter, ContextMdc mdc) {
        this.session = session;
        this.formatter = formatter;
        this.mdc = mdc;
    }

    @Override
    public void onServerWarnings(TrackedRequest request, InetSocketAddress coordinator, List<String> warnings) {
        if (!LOG.isWarnEnabled()) {
            return;
        }
        StringBuilder out = new StringBuilder(160);
        out.append('[').append(session).append("] ").append(coordinator.getHostString()).append(':')
                .append(coordinator.getPort()).append(" warned ").append(warnings).append(" about ");
        formatter.append(out, request.statement());
        String line = out.toString();
        mdc.run(request.context(), () -> LOG.warn(line));
    }
}
