package io.reactivecql.internal.pool;

import io.reactivecql.api.errors.AuthenticationException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeDistance;
import io.reactivecql.api.metadata.NodeState;
import io.reactivecql.api.policy.lb.LoadBalancingPolicy;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.connection.ConnectionFactory;
import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.internal.control.ClusterState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One {@link NodePool} per node the load-balancing policy does not ignore, sized by its distance.
 * A node whose pool cannot open, or whose connections all closed ({@link #check()}, called
 * periodically), is marked DOWN and its pool closed; a reconnection loop (timers only, delays from
 * the {@link ReconnectionPolicy}) opens a new pool and marks it UP again. A STATUS_CHANGE UP event
 * cuts the wait short. Pools of nodes whose distance changed are replaced in the background.
 */
public final class PoolManager implements ClusterState.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(PoolManager.class);
    /** How long a replaced pool keeps its connections for the requests in flight on them. */
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final ClusterState state;
    private final LoadBalancingPolicy policy;
    private final ReconnectionPolicy reconnection;
    private final ConnectionFactory factory;
    private final Supplier<ConnectionConfig> config;
    private final int localSize;
    private final int remoteSize;
    private final ConcurrentMap<InetSocketAddress, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** The pool state of one node. */
    private static final class Entry {
        final InetSocketAddress endpoint;
        final AtomicBoolean reconnecting = new AtomicBoolean();
        volatile NodePool pool;
        volatile int size;
        volatile ReconnectionPolicy.Schedule schedule;
        volatile Disposable pending;

        Entry(InetSocketAddress endpoint, int size) {
            this.endpoint = endpoint;
            this.size = size;
        }
    }

    public PoolManager(ClusterState state, LoadBalancingPolicy policy, ReconnectionPolicy reconnection,
                       ConnectionFactory factory, Supplier<ConnectionConfig> config, int localSize, int remoteSize) {
        this.state = state;
        this.policy = policy;
        this.reconnection = reconnection;
        this.factory = factory;
        this.config = config;
        this.localSize = localSize;
        this.remoteSize = remoteSize;
    }

    private int sizeFor(Node node) {
        NodeDistance d = policy.distance(node);
        return d == NodeDistance.LOCAL ? localSize : d == NodeDistance.REMOTE ? remoteSize : 0;
    }

    /**
     * Opens the pools of every known node that is not ignored, concurrently; completes once every
     * attempt ended, with at least one pool open, else fails with {@link NoNodeAvailableException}
     * (or {@link AuthenticationException}). Nodes that failed are DOWN and reconnecting.
     */
    public Mono<Void> init() {
        return Mono.defer(() -> {
            Map<InetSocketAddress, Throwable> errors = new ConcurrentHashMap<>();
            List<Entry> toOpen = new ArrayList<>();
            for (Node node : state.nodes()) {
                int size = sizeFor(node);
                if (size > 0) {
                    Entry e = new Entry(node.endpoint(), size);
                    entries.put(node.endpoint(), e);
                    toOpen.add(e);
                }
            }
            return Flux.fromIterable(toOpen)
                    .flatMap(e -> NodePool.open(e.endpoint, factory, config, e.size)
                            .doOnNext(pool -> install(e, pool))
                            .map(pool -> true)
                            .onErrorResume(err -> {
                                errors.put(e.endpoint, err);
                                LOG.warn("could not connect to {}: {}", e.endpoint, err.toString());
                                down(e);
                                return Mono.just(false);
                            }))
                    .filter(ok -> ok)
                    .count()
                    .flatMap(opened -> {
                        if (opened > 0) {
                            return Mono.empty();
                        }
                        for (Throwable t : errors.values()) {
                            if (t instanceof AuthenticationException) {
                                return Mono.error(t);
                            }
                        }
                        return Mono.error(new NoNodeAvailableException("could not connect to any node", errors));
                    });
        });
    }

    /** The open pool of {@code endpoint}, or null (down, ignored or unknown). */
    public ConnectionPool pool(InetSocketAddress endpoint) {
        Entry e = entries.get(endpoint);
        return e == null ? null : e.pool;
    }

    /** Requests in flight on the node's connections. */
    public int inFlight(InetSocketAddress endpoint) {
        NodePool pool = (NodePool) pool(endpoint);
        if (pool == null) {
            return 0;
        }
        int sum = 0;
        for (CqlTransport c : pool.connections()) {
            sum += c.inFlight();
        }
        return sum;
    }

    /**
     * How long the node's requests have been waiting with no answer on any of its busy connections
     * (the least stalled one counts); 0 when nothing is in flight there.
     */
    public long unansweredNanos(InetSocketAddress endpoint) {
        NodePool pool = (NodePool) pool(endpoint);
        if (pool == null) {
            return 0;
        }
        return pool.unansweredNanos(System.nanoTime());
    }

    /** The open pools (a snapshot). */
    public Collection<ConnectionPool> pools() {
        List<ConnectionPool> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            NodePool p = e.pool;
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private void install(Entry e, NodePool pool) {
        if (closed || entries.get(e.endpoint) != e) {
            pool.close().subscribe(null, x -> { });
            return;
        }
        e.pool = pool;
        e.schedule = null;
        e.reconnecting.set(false);
        state.state(e.endpoint, NodeState.UP);
    }

    /** Marks the node down, closes its pool and starts reconnecting. */
    private void down(Entry e) {
        NodePool old = e.pool;
        e.pool = null;
        if (old != null) {
            old.close().subscribe(null, x -> { });
        }
        state.state(e.endpoint, NodeState.DOWN);
        if (e.reconnecting.compareAndSet(false, true)) {
            e.schedule = reconnection.newSchedule();
            attempt(e, e.schedule.nextDelay());
        }
    }

    private void attempt(Entry e, Duration delay) {
        if (closed || entries.get(e.endpoint) != e) {
            return;
        }
        e.pending = Mono.delay(delay)
                .then(Mono.defer(() -> NodePool.open(e.endpoint, factory, config, e.size)))
                .subscribe(pool -> {
                    LOG.info("reconnected to {}", e.endpoint);
                    install(e, pool);
                }, err -> {
                    LOG.debug("reconnection to {} failed: {}", e.endpoint, err.toString());
                    ReconnectionPolicy.Schedule s = e.schedule;
                    if (s != null) {
                        attempt(e, s.nextDelay());
                    }
                });
    }

    /** A STATUS_CHANGE UP: a node being reconnected is tried at once. */
    public void upEvent(InetSocketAddress endpoint) {
        Entry e = entries.get(endpoint);
        if (e == null || e.pool != null || !e.reconnecting.get()) {
            return;
        }
        Disposable pending = e.pending;
        if (pending != null) {
            pending.dispose();
        }
        LOG.debug("{} announced UP: reconnecting now", endpoint);
        attempt(e, Duration.ZERO);
    }

    /** Marks down the nodes whose connections all closed; called periodically. */
    public void check() {
        if (closed) {
            return;
        }
        for (Entry e : entries.values()) {
            NodePool pool = e.pool;
            if (pool != null && allClosed(pool)) {
                LOG.warn("every connection to {} closed: marking it down", e.endpoint);
                down(e);
            }
        }
    }

    private static boolean allClosed(NodePool pool) {
        for (CqlTransport c : pool.connections()) {
            if (!c.isClosed()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void nodeAdded(Node node) {
        int size = sizeFor(node);
        if (closed || size == 0) {
            return;
        }
        Entry e = new Entry(node.endpoint(), size);
        if (entries.putIfAbsent(node.endpoint(), e) != null) {
            return;
        }
        e.reconnecting.set(true);
        e.schedule = reconnection.newSchedule();
        attempt(e, Duration.ZERO);
    }

    @Override
    public void nodeRemoved(Node node) {
        Entry e = entries.remove(node.endpoint());
        if (e != null) {
            Disposable pending = e.pending;
            if (pending != null) {
                pending.dispose();
            }
            NodePool pool = e.pool;
            e.pool = null;
            if (pool != null) {
                pool.close().subscribe(null, x -> { });
            }
        }
    }

    /**
     * Re-reads every node's distance: opens pools for nodes no longer ignored, closes those of
     * nodes now ignored, and replaces pools whose size changed (the old one drains for a while).
     */
    public void resize() {
        for (Node node : state.nodes()) {
            int size = sizeFor(node);
            Entry e = entries.get(node.endpoint());
            if (e == null) {
                nodeAdded(node);
            } else if (size == 0) {
                nodeRemoved(node);
            } else if (size != e.size) {
                e.size = size;
                NodePool old = e.pool;
                if (old != null) {
                    NodePool.open(e.endpoint, factory, config, size).subscribe(pool -> {
                        install(e, pool);
                        Mono.delay(DRAIN).then(old.close()).subscribe(null, x -> { });
                    }, err -> LOG.debug("resizing the pool of {} failed: {}", e.endpoint, err.toString()));
                }
            }
        }
    }

    /** Closes every pool and stops reconnecting; idempotent. */
    public Mono<Void> close() {
        return Mono.defer(() -> {
            closed = true;
            List<Mono<Void>> closing = new ArrayList<>();
            for (Entry e : entries.values()) {
                Disposable pending = e.pending;
                if (pending != null) {
                    pending.dispose();
                }
                NodePool pool = e.pool;
                e.pool = null;
                if (pool != null) {
                    closing.add(pool.close().onErrorResume(x -> Mono.empty()));
                }
            }
            entries.clear();
            return Flux.merge(closing).then();
        });
    }
}
