package io.reactivecql.api.observability;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The metrics of a whole session. Each carries the {@code session} tag (the session name, see
 * {@link MetricsOptions#withSessionName}); {@link #tags()} lists the others. The configuration name
 * ({@link #configName()}) is what {@code advanced.metrics.session.enabled} lists.
 */
public enum SessionMetric {

    /** Every CQL request (one page, or a PREPARE), from the first attempt to its end, retries and throttling included. */
    CQL_REQUESTS("cql-requests", "reactivecql.cql.requests", MetricType.TIMER, "outcome",
            "Latency of CQL requests (one page or one PREPARE each), from the first attempt to the end, "
                    + "retries and throttling wait included; outcome success or error"),
    /** Failed requests by exception. */
    CQL_ERRORS("cql-errors", "reactivecql.cql.errors", MetricType.COUNTER, "error",
            "CQL requests that failed, by the simple class name of their exception (cancellations excluded)"),
    /** Requests that ran out of time on the client. */
    CQL_CLIENT_TIMEOUTS("cql-client-timeouts", "reactivecql.cql.client.timeouts", MetricType.COUNTER, "",
            "CQL requests that failed with OperationTimedOutException (the driver's request timeout)"),
    /** Retries decided by the retry policy. */
    RETRIES("retries", "reactivecql.cql.retries", MetricType.COUNTER, "decision",
            "Retries and ignores the retry policy decided; decision retry_same, retry_next or ignore"),
    /** Speculative executions started. */
    SPECULATIVE_EXECUTIONS("speculative-executions", "reactivecql.cql.speculative.executions", MetricType.COUNTER,
            "", "Speculative executions started"),
    /** Requests waiting for a throttling permit. */
    THROTTLING_QUEUE_SIZE("throttling.queue-size", "reactivecql.throttling.queue.size", MetricType.GAUGE, "",
            "Requests waiting for a permit of the request throttler (0 when throttling is disabled)"),
    /** Bytes written to every connection. */
    BYTES_SENT("bytes-sent", "reactivecql.bytes.sent", MetricType.FUNCTION_COUNTER, "",
            "Bytes the session wrote to its connections (protocol bytes, before TLS)"),
    /** Bytes read from every connection. */
    BYTES_RECEIVED("bytes-received", "reactivecql.bytes.received", MetricType.FUNCTION_COUNTER, "",
            "Bytes the session read from its connections (protocol bytes, after TLS)"),
    /** Nodes with at least one open connection. */
    CONNECTED_NODES("connected-nodes", "reactivecql.connected.nodes", MetricType.GAUGE, "",
            "Nodes the session has at least one open pool connection to");

    private final String configName;
    private final String meterName;
    private final MetricType type;
    private final String tags;
    private final String description;

    SessionMetric(String configName, String meterName, MetricType type, String tags, String description) {
        this.configName = configName;
        this.meterName = meterName;
        this.type = type;
        this.tags = tags;
        this.description = description;
    }

    /** The name in configuration ({@code advanced.metrics.session.enabled}), e.g. {@code cql-requests}. */
    public String configName() {
        return configName;
    }

    /** The Micrometer meter name, e.g. {@code reactivecql.cql.requests}. */
    public String meterName() {
        return meterName;
    }

    public MetricType type() {
        return type;
    }

    /** The tags besides {@code session}, comma-separated (empty for none). */
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
    public static SessionMetric fromConfigName(String name) {
        for (SessionMetric m : values()) {
            if (m.configName.equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown session metric '" + name + "'; the session metrics are "
                + Arrays.stream(values()).map(SessionMetric::configName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return configName;
    }
}
