package io.reactivecql.api.observability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which metrics a session publishes to the meter registry given to
 * {@link io.reactivecql.api.SessionBuilder#withMeterRegistry(Object)} (without a registry, none
 * are kept at all). Immutable: every {@code with*} method returns a copy. Start from
 * {@link #defaults()}.
 *
 * @param sessionMetrics   the session metrics to publish
 * @param nodeMetrics      the node metrics to publish (each multiplies by the number of nodes)
 * @param sessionName      the value of the {@code session} tag, or null for {@code s0}, {@code s1}, ... in
 *                         the order sessions open in this JVM
 * @param latencyHistogram whether the request timer publishes a percentile histogram (buckets from
 *                         1 ms to the request timeout), for percentiles across instances
 */
public record MetricsOptions(Set<SessionMetric> sessionMetrics, Set<NodeMetric> nodeMetrics, String sessionName,
                             boolean latencyHistogram) {

    private static final MetricsOptions DEFAULTS = new MetricsOptions(EnumSet.allOf(SessionMetric.class),
            EnumSet.noneOf(NodeMetric.class), null, true);

    /** Checks and copies the sets. */
    public MetricsOptions {
        sessionMetrics = immutable(Objects.requireNonNull(sessionMetrics, "sessionMetrics"), SessionMetric.class);
        nodeMetrics = immutable(Objects.requireNonNull(nodeMetrics, "nodeMetrics"), NodeMetric.class);
        if (sessionName != null && sessionName.isBlank()) {
            throw new IllegalArgumentException("sessionName must not be blank (null picks one)");
        }
    }

    private static <E extends Enum<E>> Set<E> immutable(Collection<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E e : values) {
            set.add(Objects.requireNonNull(e, "metric"));
        }
        return Collections.unmodifiableSet(set);
    }

    /** Every session metric, no node metric, a generated session name, a latency histogram. */
    public static MetricsOptions defaults() {
        return DEFAULTS;
    }

    /** Every session and node metric. */
    public static MetricsOptions all() {
        return DEFAULTS.withNodeMetrics(EnumSet.allOf(NodeMetric.class));
    }

    /** No metric: even with a registry, the session keeps none. */
    public static MetricsOptions none() {
        return new MetricsOptions(Set.of(), Set.of(), null, true);
    }

    public MetricsOptions withSessionMetrics(Collection<SessionMetric> metrics) {
        return new MetricsOptions(Set.copyOf(metrics), nodeMetrics, sessionName, latencyHistogram);
    }

    public MetricsOptions withNodeMetrics(Collection<NodeMetric> metrics) {
        return new MetricsOptions(sessionMetrics, Set.copyOf(metrics), sessionName, latencyHistogram);
    }

    /**
     * The session metrics by configuration name (as {@code advanced.metrics.session.enabled} lists
     * them, e.g. {@code cql-requests, bytes-sent}).
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public MetricsOptions withSessionMetricNames(Collection<String> names) {
        List<SessionMetric> metrics = new ArrayList<>();
        for (String name : names) {
            metrics.add(SessionMetric.fromConfigName(Objects.requireNonNull(name, "metric name")));
        }
        return withSessionMetrics(metrics);
    }

    /**
     * The node metrics by configuration name (as {@code advanced.metrics.node.enabled} lists them,
     * e.g. {@code pool.in-flight, errors}).
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public MetricsOptions withNodeMetricNames(Collection<String> names) {
        List<NodeMetric> metrics = new ArrayList<>();
        for (String name : names) {
            metrics.add(NodeMetric.fromConfigName(Objects.requireNonNull(name, "metric name")));
        }
        return withNodeMetrics(metrics);
    }

    /** The {@code session} tag's value (null: generated). */
    public MetricsOptions withSessionName(String name) {
        return new MetricsOptions(sessionMetrics, nodeMetrics, name, latencyHistogram);
    }

    public MetricsOptions withLatencyHistogram(boolean histogram) {
        return new MetricsOptions(sessionMetrics, nodeMetrics, sessionName, histogram);
    }

    /** Whether any metric is enabled. */
    public boolean isEnabled() {
        return !sessionMetrics.isEmpty() || !nodeMetrics.isEmpty();
    }
}
