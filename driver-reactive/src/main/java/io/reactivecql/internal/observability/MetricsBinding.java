package io.reactivecql.internal.observability;

import io.reactivecql.api.RequestTracker;
import io.reactivecql.internal.connection.TrafficCounter;
import io.reactivecql.internal.control.ClusterRuntime;
import io.reactivecql.internal.request.SessionContext;

import java.net.InetSocketAddress;

/**
 * A session's metrics, as the rest of the driver sees them: no Micrometer type here, so the
 * implementation (in {@code .micrometer}) is loaded only when a meter registry is given.
 */
public interface MetricsBinding {

    /** The tracker that records the request metrics, or null when none is enabled. */
    RequestTracker tracker();

    /** What counts the bytes of a connection to {@code node} ({@link TrafficCounter#NONE} when no byte metric is enabled). */
    TrafficCounter traffic(InetSocketAddress node);

    /** A connection attempt to {@code node} failed. */
    void connectionFailed(InetSocketAddress node, Throwable error);

    /**
     * The session is open: registers the meters (gauges read {@code cluster} and {@code context}).
     * Nothing is registered before, so a session that fails to open leaves no meter behind.
     */
    void bind(ClusterRuntime cluster, SessionContext context);

    /** The session closed: removes every meter this binding registered. Idempotent. */
    void close();
}
