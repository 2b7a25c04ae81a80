package io.reactivecql.faults;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.metadata.PoolStatistics;
import io.reactivecql.api.policy.reconnection.ReconnectionPolicy;
import io.reactivecql.internal.connection.ReactorNettyConnectionFactory;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.stub.StubCluster;
import io.reactivecql.stub.StubNode;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Sessions on stub nodes for the fault matrix, and the blocking helpers its tests share (test
 * threads only, never an event loop).
 */
final class StubSessions {

    /** Bound on anything a test waits for that should happen at once. */
    static final Duration WAIT = Duration.ofSeconds(20);
    /** The request timeout of the matrix: short, so that timeouts are cheap to provoke. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private static final ReactorNettyConnectionFactory LOOPS = new ReactorNettyConnectionFactory();

    private StubSessions() {
    }

    static DriverConfig config() {
        return DriverConfig.defaults()
                .withRequestTimeout(REQUEST_TIMEOUT)
                .withConnectTimeout(Duration.ofSeconds(5));
    }

    /** A session builder for {@code nodes}: cluster mode (control connection, discovery, pools), fast reconnection. */
    static SessionBuilder builder(StubNode... nodes) {
        List<InetSocketAddress> points = new ArrayList<>();
        for (StubNode node : nodes) {
            points.add(node.address());
        }
        return builder(points);
    }

    static SessionBuilder builder(StubCluster cluster) {
        return builder(cluster.addresses());
    }

    private static SessionBuilder builder(List<InetSocketAddress> points) {
        return ReactiveSession.builder()
                .addContactPoints(points)
                .withLocalDatacenter("dc1")
                .withReconnectionPolicy(ReconnectionPolicy.constant(Duration.ofMillis(100)))
                .withConfig(config());
    }

    /**
     * Connects as {@link SessionBuilder#connect()} does, on event loops shared by the whole test JVM:
     * a session's own loops take netty's 2 s quiet period to shut down, on every close.
     */
    static ReactiveSession connect(SessionBuilder builder) {
        return SessionFactory.connectCluster(builder, LOOPS, false).block(WAIT);
    }

    static void close(ReactiveSession session) {
        if (session != null) {
            session.close().block(WAIT);
        }
    }

    /** The session's pool statistics for {@code node}; fails when it has no pool there. */
    static PoolStatistics stats(ReactiveSession session, InetSocketAddress node) {
        for (PoolStatistics s : session.poolStatistics()) {
            if (s.node().equals(node)) {
                return s;
            }
        }
        throw new AssertionError("no pool to " + node + " in " + session.poolStatistics());
    }

    /** The error {@code mono} fails with (waiting at most {@link #WAIT}); fails the test when it succeeds. */
    static Throwable error(Mono<?> mono) {
        try {
            Object value = mono.block(WAIT);
            throw new AssertionError("expected an error, got " + value);
        } catch (AssertionError e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable t = reactor.core.Exceptions.unwrap(e);
            return t;
        }
    }

    /** Waits until {@code condition} holds, polling. */
    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
