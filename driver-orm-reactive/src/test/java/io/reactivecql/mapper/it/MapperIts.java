package io.reactivecql.mapper.it;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.statement.BoundStatement;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.embedded.CassandraCluster;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Sessions on the shared test node, with timeouts that suit a loaded machine (session builders are
 * immutable: each {@code with*} returns a copy), and a recording request tracker.
 */
final class MapperIts {

    static final Duration WAIT = Duration.ofSeconds(90);

    private MapperIts() {
    }

    static ReactiveSession session(CassandraCluster cluster, RequestTracker tracker) {
        return session(cluster, tracker, b -> b);
    }

    static ReactiveSession session(CassandraCluster cluster, RequestTracker tracker,
                                   UnaryOperator<SessionBuilder> more) {
        SessionBuilder builder = ReactiveSession.builder()
                .addContactPoints(cluster.contactPoints())
                .withLocalDatacenter(cluster.localDatacenter())
                .withConfig(DriverConfig.defaults()
                        .withRequestTimeout(Duration.ofSeconds(30))
                        .withConnectTimeout(Duration.ofSeconds(10)));
        if (tracker != null) {
            builder = builder.withRequestTracker(tracker);
        }
        return more.apply(builder).connect().block(WAIT);
    }

    static void run(ReactiveSession session, String cql) {
        session.execute(cql).blockLast(WAIT);
    }

    /** The CQL of a statement, bound or simple. */
    static String cqlOf(Statement<?> statement) {
        if (statement instanceof BoundStatement b) {
            return b.preparedStatement().query();
        }
        if (statement instanceof SimpleStatement s) {
            return s.query();
        }
        return statement.toString();
    }

    /** Records what the session sends: statements, PREPAREs per query, requests in flight. */
    static final class Recorder implements RequestTracker {
        final List<Statement<?>> executed = new CopyOnWriteArrayList<>();
        final ConcurrentHashMap<String, AtomicInteger> prepares = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, AtomicInteger> pages = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        @Override
        public void onRequestSent(Kind kind, Statement<?> statement, InetSocketAddress node, int page) {
            if (kind == Kind.PREPARE) {
                prepares.computeIfAbsent(cqlOf(statement), k -> new AtomicInteger()).incrementAndGet();
                return;
            }
            executed.add(statement);
            pages.computeIfAbsent(cqlOf(statement), k -> new AtomicInteger()).incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }

        @Override
        public void onSuccess(Kind kind, Statement<?> statement, InetSocketAddress node, long latencyNanos) {
            if (kind == Kind.EXECUTE) {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void onError(Kind kind, Statement<?> statement, InetSocketAddress node, Throwable error,
                            long latencyNanos) {
            if (kind == Kind.EXECUTE && node != null) {
                inFlight.decrementAndGet();
            }
        }

        int prepares(String cql) {
            AtomicInteger n = prepares.get(cql);
            return n == null ? 0 : n.get();
        }

        int pages(String cql) {
            AtomicInteger n = pages.get(cql);
            return n == null ? 0 : n.get();
        }

        void resetInFlight() {
            maxInFlight.set(inFlight.get());
        }
    }
}
