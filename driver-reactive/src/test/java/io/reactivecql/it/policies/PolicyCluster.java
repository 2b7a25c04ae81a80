package io.reactivecql.it.policies;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.connection.ConnectionFactory;
import io.reactivecql.internal.connection.ReactorNettyConnectionFactory;
import io.reactivecql.internal.pool.ConnectionPool;
import io.reactivecql.internal.pool.NodePool;
import io.reactivecql.internal.request.QueryPlan;
import io.reactivecql.internal.request.QueryPlanner;
import io.reactivecql.internal.request.RequestHandler;
import io.reactivecql.internal.request.SessionContext;
import io.reactivecql.internal.request.StatementExecution;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.protocol.ProtocolVersion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * TEST SCOPE ONLY, until the cluster work lands a multi-node query plan in the session: the real
 * request path ({@link RequestHandler}, {@link StatementExecution}, real connection pools) over
 * every contact point, with a round-robin planner (plan {@code i} starts at node {@code i mod n}
 * and walks the others in order). Blocking helpers: test code, never on an event loop.
 */
final class PolicyCluster implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    final List<NodePool> pools;
    final Recorder recorder = new Recorder();
    final RequestHandler handler;
    private final ConnectionFactory factory;

    private PolicyCluster(List<NodePool> pools, ConnectionFactory factory, DriverConfig config,
                          RequestPolicies policies) {
        this.pools = pools;
        this.factory = factory;
        AtomicInteger counter = new AtomicInteger();
        QueryPlanner roundRobin = (statement, keyspace) -> {
            int start = Math.floorMod(counter.getAndIncrement(), pools.size());
            return new QueryPlan() {
                private int tried;

                @Override
                public ConnectionPool next() {
                    return tried < pools.size() ? pools.get((start + tried++) % pools.size()) : null;
                }
            };
        };
        ProtocolVersion version = pools.get(0).borrow().protocolVersion();
        SessionContext ctx = new SessionContext(config, CodecRegistry.of(List.of()), recorder, version,
                new AtomicReference<>(), roundRobin, null, policies);
        this.handler = new RequestHandler(ctx);
    }

    /** Pools to every node of {@code contactPoints}. */
    static PolicyCluster open(List<InetSocketAddress> contactPoints, DriverConfig config, RequestPolicies policies) {
        ConnectionFactory factory = new ReactorNettyConnectionFactory();
        ConnectionConfig connection = new ConnectionConfig(null, null, null, null, true, config.connectTimeout(),
                config.heartbeatInterval(), config.maxRequestsPerConnection(), config.maxQueuedRequests(), null,
                List.of(), SessionFactory.DRIVER_NAME, SessionFactory.DRIVER_VERSION);
        List<NodePool> pools = Flux.fromIterable(contactPoints)
                .concatMap(point -> NodePool.open(point, factory, () -> connection, 1))
                .collectList()
                .block(WAIT);
        return new PolicyCluster(pools, factory, config, policies);
    }

    /** The first page of {@code statement}. */
    Mono<ResultPage> execute(Statement<?> statement) {
        return Mono.defer(() -> new StatementExecution(handler, statement).firstPage()).cast(ResultPage.class);
    }

    /** Executes and waits (test thread only). */
    ResultPage run(Statement<?> statement) {
        return execute(statement).block(WAIT);
    }

    /**
     * Waits until every node reports the same schema version (after DDL): consecutive plans start
     * at consecutive nodes, so {@code pools.size()} queries in a row ask each node once.
     */
    void awaitSchemaAgreement() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            java.util.Set<java.util.UUID> versions = new java.util.HashSet<>();
            for (int i = 0; i < pools.size(); i++) {
                versions.add(run(io.reactivecql.api.statement.SimpleStatement.of(
                        "SELECT schema_version FROM system.local")).one().getUuid("schema_version"));
            }
            if (versions.size() == 1) {
                return;
            }
            Mono.delay(Duration.ofMillis(200)).block();
        }
        throw new IllegalStateException("no schema agreement within " + WAIT);
    }

    @Override
    public void close() {
        Flux.fromIterable(pools).flatMap(NodePool::close).then(factory.close()).block(WAIT);
    }

    /** What the request handler did for the requests since the last {@link #reset()}. */
    static final class Recorder implements RequestTracker {
        final List<InetSocketAddress> sent = new CopyOnWriteArrayList<>();
        final List<RetryDecision> decisions = new CopyOnWriteArrayList<>();
        final List<InetSocketAddress> speculative = new CopyOnWriteArrayList<>();

        void reset() {
            sent.clear();
            decisions.clear();
            speculative.clear();
        }

        @Override
        public void onRequestSent(Kind kind, Statement<?> statement, InetSocketAddress node, int page) {
            sent.add(node);
        }

        @Override
        public void onRetryDecision(Kind kind, Statement<?> statement, InetSocketAddress node, Throwable error,
                                    RetryDecision decision, int retryCount) {
            decisions.add(decision);
        }

        @Override
        public void onSpeculativeExecution(Kind kind, Statement<?> statement, InetSocketAddress node, int execution) {
            speculative.add(node);
        }
    }
}
