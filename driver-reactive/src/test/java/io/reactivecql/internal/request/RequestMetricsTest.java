package io.reactivecql.internal.request;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.codec.CodecRegistry;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.errors.SyntaxErrorException;
import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.api.observability.MetricType;
import io.reactivecql.api.observability.MetricsOptions;
import io.reactivecql.api.observability.NodeMetric;
import io.reactivecql.api.observability.SessionMetric;
import io.reactivecql.api.policy.specex.SpeculativeExecutionPolicy;
import io.reactivecql.api.policy.throttling.RequestThrottling;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.fake.FakeConnectionFactory;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.HistogramMeterRegistry;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.connection.TrafficCounter;
import io.reactivecql.internal.control.ClusterRuntime;
import io.reactivecql.internal.control.ControlChannel;
import io.reactivecql.internal.observability.SessionInstrumentation;
import io.reactivecql.internal.pool.ConnectionPool;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.error.ReadTimeout;
import io.reactivecql.protocol.response.error.SyntaxError;
import io.reactivecql.protocol.response.result.VoidResult;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Micrometer meters of a session over scripted nodes: what each request records, gauges, lifecycle. */
class RequestMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Answers QUERYs starting with "SELEC " with a syntax error, never answers "HANG", else VOID. */
    private static FakeTransport node() {
        return new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request -> {
            String cql = request instanceof Query q ? q.query() : "";
            if (cql.equals("HANG")) {
                return Mono.never();
            }
            return FakeNodes.envelope(cql.startsWith("SELEC ") ? new SyntaxError("no viable alternative")
                    : VoidResult.INSTANCE);
        });
    }

    private static ReactiveSession session(MeterRegistry registry, MetricsOptions options, FakeTransport node,
                                           SessionBuilder builder) {
        return SessionFactory.connect(builder.addContactPoint(Fixtures.NODE).withMeterRegistry(registry)
                .withMetrics(options), FakeConnectionFactory.of(node), false).block(WAIT);
    }

    private static ReactiveSession session(MeterRegistry registry, MetricsOptions options, FakeTransport node) {
        return session(registry, options, node, ReactiveSession.builder());
    }

    @Test
    void requestsAreTimedWithAHistogramAndFailuresCountedByType() {
        SimpleMeterRegistry registry = new HistogramMeterRegistry();
        ReactiveSession session = session(registry, MetricsOptions.defaults().withSessionName("app"), node());
        for (int i = 0; i < 3; i++) {
            session.execute("INSERT INTO t (k) VALUES (1)").blockLast(WAIT);
        }
        assertThrows(SyntaxErrorException.class, () -> session.execute("SELEC 1").blockLast(WAIT));

        Timer success = registry.get("reactivecql.cql.requests").tags("session", "app", "outcome", "success").timer();
        assertEquals(3, success.count());
        assertTrue(success.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
        assertTrue(success.takeSnapshot().histogramCounts().length > 0, "a percentile histogram");
        assertEquals(1, registry.get("reactivecql.cql.requests").tags("outcome", "error").timer().count());
        assertEquals(1, registry.get("reactivecql.cql.errors").tags("session", "app", "error",
                "SyntaxErrorException").counter().count());
        assertEquals(0, registry.get("reactivecql.cql.client.timeouts").counter().count());
        session.close().block(WAIT);
    }

    @Test
    void clientTimeoutsAreCountedAndCancellationsAreNot() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ReactiveSession session = session(registry, MetricsOptions.defaults(), node(), ReactiveSession.builder()
                .withConfig(DriverConfig.defaults().withRequestTimeout(Duration.ofMillis(50))));
        assertThrows(OperationTimedOutException.class, () -> session.execute("HANG").blockLast(WAIT));
        Disposable cancelled = session.execute(SimpleStatement.of("HANG").withTimeout(Duration.ofSeconds(30)))
                .subscribe();
        cancelled.dispose();
        assertEquals(1, registry.get("reactivecql.cql.client.timeouts").counter().count());
        assertEquals(1, registry.get("reactivecql.cql.errors").tag("error", "OperationTimedOutException")
                .counter().count());
        assertEquals(1, registry.get("reactivecql.cql.requests").tag("outcome", "error").timer().count());
        session.close().block(WAIT);
    }

    @Test
    void gaugesReadThePoolsAndTheThrottlerWhenPublished() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FakeTransport node = node();
        ReactiveSession session = session(registry, MetricsOptions.all(), node, ReactiveSession.builder()
                .withRequestThrottling(RequestThrottling.concurrencyLimit(1, 10)));
        Disposable first = session.execute("HANG").subscribe();
        Disposable second = session.execute("HANG").subscribe();
        assertEquals(1, registry.get("reactivecql.throttling.queue.size").gauge().value());
        assertEquals(1, registry.get("reactivecql.connected.nodes").gauge().value());
        Gauge inFlight = registry.get("reactivecql.node.pool.in.flight").tag("node", "127.0.0.1:9042").gauge();
        assertEquals(1, inFlight.value());
        assertEquals(1, registry.get("reactivecql.node.pool.open.connections").gauge().value());
        first.dispose();
        second.dispose();
        assertEquals(0, inFlight.value());
        assertEquals(0, registry.get("reactivecql.throttling.queue.size").gauge().value());
        node.close().block(WAIT);
        assertEquals(0, registry.get("reactivecql.connected.nodes").gauge().value());
        session.close().block(WAIT);
    }

    @Test
    void closingTheSessionRemovesEveryMeterItRegistered() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ReactiveSession session = session(registry, MetricsOptions.all(), node());
        assertThrows(SyntaxErrorException.class, () -> session.execute("SELEC 1").blockLast(WAIT));
        assertTrue(registry.getMeters().size() > 10, registry.getMeters().toString());
        for (Meter meter : registry.getMeters()) { // each is of the type the documentation gives
            String name = meter.getId().getName();
            MetricType type = java.util.Arrays.stream(SessionMetric.values())
                    .filter(m -> m.meterName().equals(name)).map(SessionMetric::type).findFirst()
                    .orElseGet(() -> java.util.Arrays.stream(NodeMetric.values())
                            .filter(m -> m.meterName().equals(name)).map(NodeMetric::type).findFirst().orElseThrow());
            Class<?> expected = switch (type) {
                case TIMER -> Timer.class;
                case COUNTER -> Counter.class;
                case FUNCTION_COUNTER -> FunctionCounter.class;
                case GAUGE -> Gauge.class;
            };
            assertTrue(expected.isInstance(meter), name + " is a " + meter.getClass());
        }
        session.close().block(WAIT);
        assertEquals(List.of(), registry.getMeters());
    }

    @Test
    void onlyTheEnabledMetricsAreRegistered() {
        SimpleMeterRegistry registry = new HistogramMeterRegistry();
        ReactiveSession session = session(registry, MetricsOptions.none()
                .withSessionMetrics(List.of(SessionMetric.CQL_REQUESTS)).withLatencyHistogram(false), node());
        session.execute("INSERT INTO t (k) VALUES (1)").blockLast(WAIT);
        assertTrue(registry.getMeters().stream().allMatch(m -> m.getId().getName().equals("reactivecql.cql.requests")),
                registry.getMeters().toString());
        Timer success = registry.get("reactivecql.cql.requests").tag("outcome", "success").timer();
        assertEquals(1, success.count());
        assertEquals(0, success.takeSnapshot().histogramCounts().length);
        session.close().block(WAIT);

        SimpleMeterRegistry untouched = new SimpleMeterRegistry();
        ReactiveSession none = session(untouched, MetricsOptions.none(), node());
        none.execute("INSERT INTO t (k) VALUES (1)").blockLast(WAIT);
        assertEquals(List.of(), untouched.getMeters());
        none.close().block(WAIT);
    }

    @Test
    void connectionsCountTheirBytesIntoTheSessionAndNodeCounters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FakeConnectionFactory factory = FakeConnectionFactory.of(node());
        ReactiveSession session = SessionFactory.connect(ReactiveSession.builder().addContactPoint(Fixtures.NODE)
                .withMeterRegistry(registry).withMetrics(MetricsOptions.all()), factory, false).block(WAIT);
        ConnectionConfig config = factory.configs().get(0);
        TrafficCounter traffic = config.traffic();
        assertNotSame(TrafficCounter.NONE, traffic);
        traffic.sent(100);
        traffic.received(250);
        traffic.received(50);
        assertEquals(100, registry.get("reactivecql.bytes.sent").functionCounter().count());
        assertEquals(300, registry.get("reactivecql.bytes.received").functionCounter().count());
        FunctionCounter nodeReceived = registry.get("reactivecql.node.bytes.received").tag("node", "127.0.0.1:9042")
                .functionCounter();
        assertEquals(300, nodeReceived.count());
        session.close().block(WAIT);
    }

    @Test
    void failedConnectionAttemptsAreCountedPerNode() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicInteger attempts = new AtomicInteger();
        FakeTransport node = node();
        FakeConnectionFactory factory = new FakeConnectionFactory(endpoint -> attempts.getAndIncrement() == 0
                ? Mono.error(new io.reactivecql.api.errors.ConnectionInitException(endpoint, "refused", null))
                : Mono.just(node));
        ReactiveSession session = SessionFactory.connect(ReactiveSession.builder().addContactPoint(Fixtures.NODE)
                .addContactPoint(Fixtures.NODE).withMeterRegistry(registry).withMetrics(MetricsOptions.all()),
                factory, false).block(WAIT);
        assertEquals(1, registry.get("reactivecql.node.connection.errors").tag("node", "127.0.0.1:9042")
                .functionCounter().count());
        session.close().block(WAIT);
    }

    @Test
    void retriesSpeculativeExecutionsAndNodeErrorsAreCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SessionInstrumentation instrumentation = SessionInstrumentation.create(ReactiveSession.builder()
                .withMeterRegistry(registry).withMetrics(MetricsOptions.all().withSessionName("fake")),
                CodecRegistry.defaultRegistry());
        FakeNodes nodes = new FakeNodes(3, DriverConfig.defaults(), RequestPolicies.defaults()
                .withSpeculativeExecutionPolicy(SpeculativeExecutionPolicy.constant(Duration.ofMillis(50), 1)),
                instrumentation.tracker());
        // the instrumentation learns of nodes through their connections
        for (FakeTransport n : nodes.nodes) {
            instrumentation.instrument(FakeConnectionFactory.of(n)).connect(n.endpoint(), ConnectionConfig.defaults())
                    .block(WAIT);
        }
        Disposable meters = instrumentation.bind(runtime(nodes.pools), nodes.ctx);

        AtomicInteger calls = new AtomicInteger();
        nodes.respond(1, r -> FakeNodes.envelope(calls.getAndIncrement() == 0
                ? new ReadTimeout("rt", ConsistencyLevel.QUORUM, 2, 2, false) : VoidResult.INSTANCE));
        nodes.execute(SimpleStatement.of("SELECT * FROM t")).block(WAIT);
        assertEquals(1, registry.get("reactivecql.cql.retries").tags("session", "fake", "decision", "retry_same")
                .counter().count());
        assertEquals(0, registry.get("reactivecql.cql.retries").tag("decision", "retry_next").counter().count());
        Counter nodeErrors = registry.get("reactivecql.node.errors")
                .tags("node", "127.0.0.1:9042", "error", "ReadTimeoutException").counter();
        assertEquals(1, nodeErrors.count());

        nodes.respond(1, r -> Mono.never());
        nodes.execute(SimpleStatement.of("SELECT * FROM t").withIdempotent(true)).block(WAIT);
        assertEquals(1, registry.get("reactivecql.cql.speculative.executions").counter().count());
        assertEquals(1, nodeErrors.count(), "the cancelled slow execution is not an error");

        meters.dispose();
        assertEquals(List.of(), registry.getMeters());
        assertNull(registry.find("reactivecql.node.errors").counter());
    }

    @Test
    void aNodeBackAfterBeingDownCountsAReconnection() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SessionInstrumentation instrumentation = SessionInstrumentation.create(ReactiveSession.builder()
                .withMeterRegistry(registry).withMetrics(MetricsOptions.all()), CodecRegistry.defaultRegistry());
        FakeNodes nodes = new FakeNodes(1, DriverConfig.defaults(), RequestPolicies.defaults(),
                instrumentation.tracker());
        instrumentation.instrument(FakeConnectionFactory.of(nodes.node(1))).connect(nodes.node(1).endpoint(),
                ConnectionConfig.defaults()).block(WAIT);
        reactor.core.publisher.Sinks.Many<NodeStateEvent> events =
                reactor.core.publisher.Sinks.many().multicast().directBestEffort();
        Disposable meters = instrumentation.bind(runtime(nodes.pools, events.asFlux()), nodes.ctx);
        Node node = new Node(nodes.node(1).endpoint(), null, "dc1", "r1", null, java.util.Set.of(),
                io.reactivecql.api.metadata.NodeState.UP);
        events.tryEmitNext(new NodeStateEvent(NodeStateEvent.Type.UP, node)); // not after a DOWN: no reconnection
        events.tryEmitNext(new NodeStateEvent(NodeStateEvent.Type.DOWN, node));
        events.tryEmitNext(new NodeStateEvent(NodeStateEvent.Type.UP, node));
        FunctionCounter reconnections = registry.get("reactivecql.node.reconnections").functionCounter();
        assertEquals(1, reconnections.count());
        events.tryEmitNext(new NodeStateEvent(NodeStateEvent.Type.REMOVED, node));
        assertNull(registry.find("reactivecql.node.reconnections").functionCounter(), "a removed node's meters go");
        meters.dispose();
    }

    @Test
    void registriesAreCheckedByType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReactiveSession.builder().withMeterRegistry("registry"));
        assertTrue(e.getMessage().startsWith("meterRegistry must be a io.micrometer.core.instrument.MeterRegistry"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReactiveSession.builder()
                .withObservationRegistry(new SimpleMeterRegistry()));
        assertThrows(NullPointerException.class, () -> ReactiveSession.builder().withMeterRegistry(null));
        SessionBuilder builder = ReactiveSession.builder().withMeterRegistry(new SimpleMeterRegistry())
                .withObservationRegistry(io.micrometer.observation.ObservationRegistry.create());
        assertTrue(builder.meterRegistry() instanceof SimpleMeterRegistry);
    }

    private static ClusterRuntime runtime(List<ConnectionPool> pools) {
        return runtime(pools, Flux.never());
    }

    private static ClusterRuntime runtime(List<ConnectionPool> pools, Flux<NodeStateEvent> events) {
        return new ClusterRuntime() {
            @Override
            public Collection<ConnectionPool> pools() {
                return pools;
            }

            @Override
            public List<Node> nodes() {
                return List.of();
            }

            @Override
            public Flux<NodeStateEvent> events() {
                return events;
            }

            @Override
            public Optional<ControlChannel> controlChannel() {
                return Optional.empty();
            }

            @Override
            public Mono<Void> close() {
                return Mono.empty();
            }
        };
    }

}
