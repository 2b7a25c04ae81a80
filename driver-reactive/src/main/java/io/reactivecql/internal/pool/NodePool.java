package io.reactivecql.internal.pool;

import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.connection.ConnectionFactory;
import io.reactivecql.internal.connection.CqlTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A fixed number of connections to one node, opened with a {@link ConnectionFactory}.
 * {@link #borrow()} scans the slots for the open connection with the fewest requests in flight:
 * no lock, no allocation. A slot whose connection closed is reopened in the background (one
 * attempt at a time per slot, with a growing delay between failures); {@link #borrow()} skips it
 * meanwhile.
 */
public final class NodePool implements ConnectionPool {

    private static final Logger LOG = LoggerFactory.getLogger(NodePool.class);
    private static final Duration BASE_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_DELAY = Duration.ofSeconds(10);

    private final InetSocketAddress endpoint;
    private final ConnectionFactory factory;
    private final Supplier<ConnectionConfig> config;
    private final AtomicReferenceArray<CqlTransport> slots;
    /** Per slot: 1 while a reconnection runs. */
    private final AtomicIntegerArray reconnecting;
    private final int[] failures;
    private volatile boolean closed;

    private NodePool(InetSocketAddress endpoint, ConnectionFactory factory, Supplier<ConnectionConfig> config,
                     int size) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.factory = factory;
        this.config = config;
        this.slots = new AtomicReferenceArray<>(size);
        this.reconnecting = new AtomicIntegerArray(size);
        this.failures = new int[size];
    }

    /**
     * Opens a pool of {@code size} connections: the first connection must open (its error is the
     * pool's); the others open concurrently, and a slot that fails is retried in the background.
     * {@code config} is read for every connection opened, so a later one sees the current keyspace.
     */
    public static Mono<NodePool> open(InetSocketAddress endpoint, ConnectionFactory factory,
                                      Supplier<ConnectionConfig> config, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be positive, was " + size);
        }
        return Mono.defer(() -> {
            NodePool pool = new NodePool(endpoint, factory, config, size);
            return factory.connect(endpoint, config.get())
                    .flatMap(first -> {
                        pool.slots.set(0, first);
                        if (size == 1) {
                            return Mono.just(pool);
                        }
                        return Flux.range(1, size - 1)
                                .flatMap(i -> factory.connect(endpoint, config.get())
                                        .doOnNext(c -> pool.slots.set(i, c))
                                        .onErrorResume(e -> {
                                            LOG.warn("could not open connection {} of {} to {}: {}", i + 1, size,
                                                    endpoint, e.toString());
                                            pool.scheduleReconnect(i);
                                            return Mono.empty();
                                        }))
                                .then(Mono.just(pool));
                    });
        });
    }

    @Override
    public InetSocketAddress endpoint() {
        return endpoint;
    }

    @Override
    public CqlTransport borrow() {
        CqlTransport best = null;
        int bestLoad = Integer.MAX_VALUE;
        int n = slots.length();
        for (int i = 0; i < n; i++) {
            CqlTransport c = slots.get(i);
            if (c == null || c.isClosed()) {
                scheduleReconnect(i);
                continue;
            }
            int load = c.inFlight();
            if (load < bestLoad) {
                best = c;
                bestLoad = load;
            }
        }
        return best;
    }

    private void scheduleReconnect(int slot) {
        if (closed || !reconnecting.compareAndSet(slot, 0, 1)) {
            return;
        }
        int failed = failures[slot];
        Duration delay = Duration.ZERO;
        if (failed > 0) {
            Duration backoff = BASE_DELAY.multipliedBy(1L << Math.min(failed - 1, 7));
            delay = backoff.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : backoff;
        }
        Mono.delay(delay)
                .then(Mono.defer(() -> closed ? Mono.empty() : factory.connect(endpoint, config.get())))
                .subscribe(c -> {
                    if (closed) {
                        c.close().subscribe(null, e -> { });
                        return;
                    }
                    failures[slot] = 0;
                    slots.set(slot, c);
                    reconnecting.set(slot, 0);
                }, e -> {
                    failures[slot] = failed + 1;
                    reconnecting.set(slot, 0);
                    LOG.debug("reconnection {} to {} failed: {}", slot, endpoint, e.toString());
                }, () -> reconnecting.compareAndSet(slot, 1, 0));
    }

    /**
     * The least time a connection with requests in flight has waited for an answer, 0 when none
     * waits. Asked by the load-balancing policy for every request: reads the slots in place, where
     * {@link #connections()} would copy them.
     */
    long unansweredNanos(long now) {
        long least = Long.MAX_VALUE;
        for (int i = 0, n = slots.length(); i < n; i++) {
            CqlTransport c = slots.get(i);
            if (c != null && c.inFlight() > 0) {
                least = Math.min(least, c.unansweredNanos(now));
            }
        }
        return least == Long.MAX_VALUE ? 0 : least;
    }

    @Override
    public List<CqlTransport> connections() {
        List<CqlTransport> list = new ArrayList<>(slots.length());
        for (int i = 0; i < slots.length(); i++) {
            CqlTransport c = slots.get(i);
            if (c != null) {
                list.add(c);
            }
        }
        return list;
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            closed = true;
            CqlTransport[] all = connections().toArray(new CqlTransport[0]);
            return Flux.fromIterable(Arrays.asList(all))
                    .flatMap(c -> c.close().onErrorResume(e -> Mono.empty()))
                    .then();
        });
    }

    @Override
    public String toString() {
        return "NodePool[" + endpoint + ", " + slots.length() + " connections]";
    }
}
