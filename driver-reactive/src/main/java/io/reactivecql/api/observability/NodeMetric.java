package io.reactivecql.api.observability;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The metrics of each node the session connects to. Each carries the {@code session} and
 * {@code node} ({@code host:port}) tags; {@link #tags()} lists the others. A node's meters are
 * removed when it leaves the cluster and when the session closes. The configuration name
 * ({@link #configName()}) is what {@code advanced.metrics.node.enabled} lists.
 */
public enum NodeMetric {

    /** Open connections of the node's pool. */
    POOL_OPEN_CONNECTIONS("pool.open-connections", "reactivecql.node.pool.open.connections", MetricType.GAUGE, "",
            "Open connections of the node's pool"),
    /** Requests in flight on the node's pool connections. */
    POOL_IN_FLIGHT("pool.in-flight", "reactivecql.node.pool.in.flight", MetricType.GAUGE, "",
            "Requests written to the node's pool connections and not answered yet (orphans included)"),
    /** Stream ids held by cancelled requests the node has not answered yet. */
    POOL_ORPHANED_STREAMS("pool.orphaned-streams", "reactivecql.node.pool.orphaned.streams", MetricType.GAUGE, "",
            "Stream ids of the node's pool held by cancelled requests the node has not answered yet"),
    /** Bytes written to the node. */
    BYTES_SENT("bytes-sent", "reactivecql.node.bytes.sent", MetricType.FUNCTION_COUNTER, "",
            "Bytes written to the node's connections (control connection included)"),
    /** Bytes read from the node. */
    BYTES_RECEIVED("bytes-received", "reactivecql.node.bytes.received", MetricType.FUNCTION_COUNTER, "",
            "Bytes read from the node's connections (control connection included)"),
    /** Failed attempts on the node, by exception. */
    ERRORS("errors", "reactivecql.node.errors", MetricType.COUNTER, "error",
            "Attempts on the node that failed (server errors such as read or write timeouts, closed or busy "
                    + "connections...), by simple exception class name; each attempt counts, retried or not"),
    /** Times the node came back after being marked down. */
    RECONNECTIONS("reconnections", "reactivecql.node.reconnections", MetricType.FUNCTION_COUNTER, "",
            "Times the node's pool reopened after the node was marked down"),
    /** Connection attempts to the node that failed. */
    CONNECTION_ERRORS("connection-errors", "reactivecql.node.connection.errors", MetricType.FUNCTION_COUNTER, "",
            "Connection attempts to the node that failed (refused, timed out, handshake or authentication)");

    private final String configName;
    private final String meterName;
    private final MetricType type;
    private final String tags;
    private final String description;

    NodeMetric(String configName, String meterName, MetricType type, String tags, String description) {
        this.configName = configName;
        this.meterName = meterName;
        this.type = type;
        this.tags = tags;
        this.description = description;
    }

    /** The name in configuration ({@code advanced.metrics.node.enabled}), e.g. {@code pool.in-flight}. */
    public String configName() {
        return configName;
    }

    /** The Micrometer meter name, e.g. {@code reactivecql.node.pool.in.flight}. */
    public String meterName() {
        return meterName;
    }

    public MetricType type() {
        return type;
    }

    /** The tags besides {@code session} and {@code node}, comma-separated (empty for none). */
    public String tags() {
        return tags;
    }

    /** What it measures (also the meter's description). */
    public String description() {
        return description;
    }

    /**
     * The metric called {@code name} in configuration (case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid names when there is none
     */
    public static NodeMetric fromConfigName(String name) {
        for (NodeMetric m : values()) {
            if (m.configName.equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown node metric '" + name + "'; the node metrics are "
                + Arrays.stream(values()).map(NodeMetric::configName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return configName;
    }
}
