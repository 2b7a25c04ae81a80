package io.reactivecql.internal.observability.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeState;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.api.observability.MetricsOptions;
import io.reactivecql.api.observability.NodeMetric;
import io.reactivecql.api.observability.SessionMetric;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.internal.connection.TrafficCounter;
import io.reactivecql.internal.control.ClusterRuntime;
import io.reactivecql.internal.observability.MetricsBinding;
import io.reactivecql.internal.pool.ConnectionPool;
import io.reactivecql.internal.request.SessionContext;
import reactor.core.Disposable;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

/**
 * A session's meters in a Micrometer {@link MeterRegistry}: session meters (tag {@code session})
 * and node meters (tags {@code session}, {@code node}), the ones {@link MetricsOptions} enables.
 * Everything is registered when the session opens ({@link #bind}) and removed when it closes;
 * nodes that appear later get their meters when their first connection opens, and lose them when
 * they leave the cluster.
 */
public final class MicrometerMetrics implements MetricsBinding {

    private final MeterRegistry registry;
    private final MetricsOptions options;
    private final Tags tags;
    private final Duration maxLatency;
    private final RequestMetrics requests;
    private final boolean countsBytes;
    private final ConcurrentMap<InetSocketAddress, NodeMeters> nodes = new ConcurrentHashMap<>();
    /** Nodes last seen DOWN: their next UP is a reconnection. */
    private final Set<InetSocketAddress> down = ConcurrentHashMap.newKeySet();
    private final List<Meter> sessionMeters = new CopyOnWriteArrayList<>();
    private volatile ClusterRuntime cluster;
    private volatile Disposable events;
    private volatile boolean bound;
    private volatile boolean closed;

    private MicrometerMetrics(MeterRegistry registry, MetricsOptions options, String session, Duration requestTimeout) {
        this.registry = registry;
        this.options = options;
        this.tags = Tags.of("session", session);
        Duration floor = Duration.ofSeconds(1);
        this.maxLatency = requestTimeout.compareTo(floor) < 0 ? floor : requestTimeout;
        Set<SessionMetric> s = options.sessionMetrics();
        boolean tracks = s.contains(SessionMetric.CQL_REQUESTS) || s.contains(SessionMetric.CQL_ERRORS)
                || s.contains(SessionMetric.CQL_CLIENT_TIMEOUTS) || s.contains(SessionMetric.RETRIES)
                || s.contains(SessionMetric.SPECULATIVE_EXECUTIONS) || options.nodeMetrics().contains(NodeMetric.ERRORS);
        this.requests = tracks ? new RequestMetrics(this, options.nodeMetrics().contains(NodeMetric.ERRORS)) : null;
        this.countsBytes = s.contains(SessionMetric.BYTES_SENT) || s.contains(SessionMetric.BYTES_RECEIVED)
                || options.nodeMetrics().contains(NodeMetric.BYTES_SENT)
                || options.nodeMetrics().contains(NodeMetric.BYTES_RECEIVED);
    }

    /**
     * The metrics of one session.
     *
     * @param meterRegistry a {@code MeterRegistry} (checked by the builder)
     */
    public static MetricsBinding create(Object meterRegistry, MetricsOptions options, String session,
                                        Duration requestTimeout) {
        return new MicrometerMetrics((MeterRegistry) meterRegistry, options, session, requestTimeout);
    }

    @Override
    public RequestTracker tracker() {
        return requests;
    }

    @Override
    public TrafficCounter traffic(InetSocketAddress node) {
        NodeMeters meters = node(node);
        return countsBytes ? meters : TrafficCounter.NONE;
    }

    @Override
    public void connectionFailed(InetSocketAddress node, Throwable error) {
        node(node).connectionErrors.increment();
    }

    /** The node's meters, registered at once when the session is open (called per connection attempt). */
    private NodeMeters node(InetSocketAddress endpoint) {
        NodeMeters meters = nodes.get(endpoint);
        if (meters == null) {
            meters = nodes.computeIfAbsent(endpoint, e -> new NodeMeters(e, tags));
        }
        if (bound && !closed && !meters.isRegistered()) { // new, or back after it left the cluster
            meters.register(registry, options.nodeMetrics(), this::pool);
        }
        return meters;
    }

    void nodeError(InetSocketAddress endpoint, Throwable error) {
        NodeMeters meters = nodes.get(endpoint);
        if (meters != null) {
            meters.error(registry, error);
        }
    }

    /** Keeps {@code meter} for removal at close. */
    Counter register(Counter meter) {
        sessionMeters.add(meter);
        return meter;
    }

    @Override
    public void bind(ClusterRuntime runtime, SessionContext context) {
        this.cluster = runtime;
        Set<SessionMetric> enabled = options.sessionMetrics();
        if (requests != null) {
            requests.meters(new RequestMetrics.Meters(
                    enabled.contains(SessionMetric.CQL_REQUESTS) ? timer("success") : null,
                    enabled.contains(SessionMetric.CQL_REQUESTS) ? timer("error") : null,
                    enabled.contains(SessionMetric.CQL_CLIENT_TIMEOUTS) ? counter(SessionMetric.CQL_CLIENT_TIMEOUTS,
                            Tags.empty()) : null,
                    enabled.contains(SessionMetric.RETRIES) ? retryCounters() : null,
                    enabled.contains(SessionMetric.SPECULATIVE_EXECUTIONS)
                            ? counter(SessionMetric.SPECULATIVE_EXECUTIONS, Tags.empty()) : null,
                    enabled.contains(SessionMetric.CQL_ERRORS), tags, registry));
        }
        for (SessionMetric metric : enabled) {
            switch (metric) {
                case THROTTLING_QUEUE_SIZE -> gauge(metric, context, c -> c.throttlingQueueSize());
                case CONNECTED_NODES -> gauge(metric, this, MicrometerMetrics::connectedNodes);
                case BYTES_SENT -> bytes(metric, true);
                case BYTES_RECEIVED -> bytes(metric, false);
                default -> { } // request metrics: above
            }
        }
        for (Node node : runtime.nodes()) {
            if (node.state() == NodeState.DOWN) {
                down.add(node.endpoint());
            }
        }
        bound = true;
        for (NodeMeters meters : nodes.values()) {
            meters.register(registry, options.nodeMetrics(), this::pool);
        }
        events = runtime.events().subscribe(this::nodeEvent, e -> { });
        if (closed) {
            close();
        }
    }

    private void nodeEvent(NodeStateEvent event) {
        InetSocketAddress endpoint = event.node().endpoint();
        switch (event.type()) {
            case DOWN -> down.add(endpoint);
            case UP -> {
                if (down.remove(endpoint)) {
                    node(endpoint).reconnections.increment();
                }
            }
            case REMOVED -> {
                down.remove(endpoint);
                NodeMeters meters = nodes.get(endpoint);
                if (meters != null) {
                    meters.unregister(registry);
                }
            }
            case ADDED -> { } // meters come with the first connection
        }
    }

    /** The node's current pool, or null. */
    private ConnectionPool pool(InetSocketAddress endpoint) {
        ClusterRuntime c = cluster;
        if (c == null) {
            return null;
        }
        for (ConnectionPool pool : c.pools()) {
            if (pool.endpoint().equals(endpoint)) {
                return pool;
            }
        }
        return null;
    }

    private double connectedNodes() {
        ClusterRuntime c = cluster;
        if (c == null) {
            return 0;
        }
        int connected = 0;
        for (ConnectionPool pool : c.pools()) {
            if (pool.statistics().openConnections() > 0) {
                connected++;
            }
        }
        return connected;
    }

    private Timer timer(String outcome) {
        Timer timer = Timer.builder(SessionMetric.CQL_REQUESTS.meterName())
                .description(SessionMetric.CQL_REQUESTS.description())
                .tags(tags).tag("outcome", outcome)
                .publishPercentileHistogram(options.latencyHistogram())
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(maxLatency)
                .register(registry);
        sessionMeters.add(timer);
        return timer;
    }

    private Counter counter(SessionMetric metric, Tags extra) {
        Counter counter = Counter.builder(metric.meterName())
                .description(metric.description())
                .tags(tags).tags(extra)
                .register(registry);
        sessionMeters.add(counter);
        return counter;
    }

    private Counter[] retryCounters() {
        Counter[] byType = new Counter[RetryDecision.Type.values().length];
        byType[RetryDecision.Type.RETRY_SAME.ordinal()] = counter(SessionMetric.RETRIES, Tags.of("decision", "retry_same"));
        byType[RetryDecision.Type.RETRY_NEXT.ordinal()] = counter(SessionMetric.RETRIES, Tags.of("decision", "retry_next"));
        byType[RetryDecision.Type.IGNORE.ordinal()] = counter(SessionMetric.RETRIES, Tags.of("decision", "ignore"));
        return byType;
    }

    private <T> void gauge(SessionMetric metric, T state, ToDoubleFunction<T> value) {
        sessionMeters.add(Gauge.builder(metric.meterName(), state, value)
                .description(metric.description())
                .tags(tags)
                .strongReference(true)
                .register(registry));
    }

    private void bytes(SessionMetric metric, boolean sent) {
        sessionMeters.add(FunctionCounter.builder(metric.meterName(), this, m -> m.totalBytes(sent))
                .description(metric.description())
                .tags(tags)
                .baseUnit(BaseUnits.BYTES)
                .register(registry));
    }

    private double totalBytes(boolean sent) {
        long total = 0;
        for (NodeMeters n : nodes.values()) {
            total += sent ? n.sent.sum() : n.received.sum();
        }
        return total;
    }

    @Override
    public void close() {
        closed = true;
        Disposable d = events;
        if (d != null) {
            d.dispose();
        }
        for (Meter m : sessionMeters) {
            registry.remove(m);
        }
        sessionMeters.clear();
        if (requests != null) {
            requests.clear();
        }
        for (NodeMeters n : nodes.values()) {
            n.unregister(registry);
        }
    }
}
