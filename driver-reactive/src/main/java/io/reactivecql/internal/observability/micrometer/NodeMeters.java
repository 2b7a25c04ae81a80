package io.reactivecql.internal.observability.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.reactivecql.api.observability.NodeMetric;
import io.reactivecql.internal.connection.TrafficCounter;
import io.reactivecql.internal.pool.ConnectionPool;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One node's counts and meters. The counts (bytes, reconnections, failed connection attempts)
 * live in {@link LongAdder}s from the first connection on, whether or not the meters are
 * registered, so the session's byte totals survive a node's removal. Connections add bytes once
 * per flush and once per read; gauges read the node's current pool when the registry publishes.
 */
final class NodeMeters implements TrafficCounter {

    private final InetSocketAddress node;
    private final Tags tags;
    final LongAdder sent = new LongAdder();
    final LongAdder received = new LongAdder();
    final LongAdder reconnections = new LongAdder();
    final LongAdder connectionErrors = new LongAdder();
    private final ConcurrentMap<Class<?>, Counter> errors = new ConcurrentHashMap<>();
    /** Guarded by this. */
    private final List<Meter> meters = new ArrayList<>();
    private volatile boolean registered;

    NodeMeters(InetSocketAddress node, Tags sessionTags) {
        this.node = node;
        this.tags = sessionTags.and("node", node.getHostString() + ":" + node.getPort());
    }

    @Override
    public void sent(int bytes) {
        sent.add(bytes);
    }

    @Override
    public void received(int bytes) {
        received.add(bytes);
    }

    /** Registers the enabled meters, unless they are; {@code pools} finds the node's current pool. */
    synchronized void register(MeterRegistry registry, Set<NodeMetric> enabled,
                               Function<InetSocketAddress, ConnectionPool> pools) {
        if (registered) {
            return;
        }
        registered = true;
        for (NodeMetric metric : enabled) {
            Meter meter = switch (metric) {
                // the same snapshot as ReactiveSession.poolStatistics(), so the gauges and it never disagree
                case POOL_OPEN_CONNECTIONS -> gauge(registry, metric, pools, p -> p.statistics().openConnections());
                case POOL_IN_FLIGHT -> gauge(registry, metric, pools, p -> p.statistics().inFlight());
                case POOL_ORPHANED_STREAMS -> gauge(registry, metric, pools, p -> p.statistics().orphanedStreamIds());
                case BYTES_SENT -> counter(registry, metric, sent, BaseUnits.BYTES);
                case BYTES_RECEIVED -> counter(registry, metric, received, BaseUnits.BYTES);
                case RECONNECTIONS -> counter(registry, metric, reconnections, null);
                case CONNECTION_ERRORS -> counter(registry, metric, connectionErrors, null);
                case ERRORS -> null; // one counter per exception class, on the first error of each
            };
            if (meter != null) {
                meters.add(meter);
            }
        }
    }

    boolean isRegistered() {
        return registered;
    }

    /** Counts a failed attempt on the node (error path only: one map lookup). */
    void error(MeterRegistry registry, Throwable error) {
        if (!registered) {
            return;
        }
        Counter counter = errors.get(error.getClass());
        if (counter == null) {
            // registered outside the map's lock (unregister holds this one, then clears the map)
            Counter created = Counter.builder(NodeMetric.ERRORS.meterName())
                    .description(NodeMetric.ERRORS.description())
                    .tags(tags).tag("error", error.getClass().getSimpleName())
                    .register(registry); // the registry returns the same counter for the same id
            Counter raced = errors.putIfAbsent(error.getClass(), created);
            if (raced == null) {
                synchronized (this) {
                    meters.add(created);
                }
            }
            counter = created;
        }
        counter.increment();
    }

    /** Removes the node's meters from {@code registry}; the counts stay. */
    synchronized void unregister(MeterRegistry registry) {
        registered = false;
        for (Meter m : meters) {
            registry.remove(m);
        }
        meters.clear();
        errors.clear();
    }

    private Meter gauge(MeterRegistry registry, NodeMetric metric, Function<InetSocketAddress, ConnectionPool> pools,
                        ToDoubleFunction<ConnectionPool> value) {
        return Gauge.builder(metric.meterName(), this, n -> {
                    ConnectionPool pool = pools.apply(n.node);
                    return pool == null ? 0 : value.applyAsDouble(pool);
                })
                .description(metric.description())
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    private Meter counter(MeterRegistry registry, NodeMetric metric, LongAdder count, String unit) {
        return FunctionCounter.builder(metric.meterName(), count, LongAdder::sum)
                .description(metric.description())
                .tags(tags)
                .baseUnit(unit)
                .register(registry);
    }
}
