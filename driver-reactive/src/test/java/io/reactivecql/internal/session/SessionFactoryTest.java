package io.reactivecql.internal.session;

import io.reactivecql.api.Compression;
import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.errors.AuthenticationException;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.fake.FakeConnectionFactory;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.internal.connection.ConnectionConfig;
import io.reactivecql.internal.connection.CqlTransport;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.result.SetKeyspaceResult;
import io.reactivecql.protocol.response.result.VoidResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.core.publisher.Sinks;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening sessions: contact points in order, typed errors, pools of several connections. */
class SessionFactoryTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 9042);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.2", 9042);

    @Test
    void noContactPointIsAnError() {
        assertThrows(IllegalStateException.class, () -> ReactiveSession.builder().connect().block(WAIT));
    }

    @Test
    void contactPointsAreTriedInOrderAndEveryErrorIsKept() {
        FakeConnectionFactory factory = new FakeConnectionFactory(endpoint ->
                Mono.error(new ConnectionClosedException(endpoint, "refused", null)));
        SessionBuilder builder = ReactiveSession.builder().addContactPoint(A).addContactPoint(B);
        NoNodeAvailableException e = assertThrows(NoNodeAvailableException.class,
                () -> SessionFactory.connect(builder, factory, true).block(WAIT));
        assertEquals(List.of(A, B), new ArrayList<>(e.errors().keySet()));
        assertTrue(factory.isClosed(), "a failed connect closes the factory it owns");
    }

    @Test
    void theFirstContactPointThatAnswersIsUsed() {
        FakeTransport b = Fixtures.transport(ProtocolVersion.V4, r -> VoidResult.INSTANCE);
        FakeConnectionFactory factory = new FakeConnectionFactory(endpoint -> endpoint.equals(A)
                ? Mono.error(new ConnectionClosedException(endpoint, "refused", null)) : Mono.just(b));
        ReactiveSession session = SessionFactory.connect(ReactiveSession.builder().addContactPoint(A)
                .addContactPoint(B), factory, false).block(WAIT);
        assertEquals(ProtocolVersion.V4, session.protocolVersion());
        session.execute("INSERT 1").blockLast(WAIT);
        assertEquals(1, b.sent().size());
    }

    @Test
    void authenticationErrorsAreNotHiddenBehindNoNodeAvailable() {
        FakeConnectionFactory factory = new FakeConnectionFactory(endpoint ->
                Mono.error(new AuthenticationException(endpoint, "bad credentials")));
        assertThrows(AuthenticationException.class, () -> SessionFactory.connect(ReactiveSession.builder()
                .addContactPoint(A).addContactPoint(B), factory, false).block(WAIT));
    }

    @Test
    void builderSettingsReachTheConnections() {
        FakeTransport t = Fixtures.transport(ProtocolVersion.V5, r -> VoidResult.INSTANCE);
        FakeConnectionFactory factory = FakeConnectionFactory.of(t);
        SessionFactory.connect(ReactiveSession.builder().addContactPoint(A).withKeyspace("ks")
                .withCompression(Compression.LZ4).withProtocolVersion(ProtocolVersion.V5)
                .withAuthCredentials("u", "p")
                .withConfig(DriverConfig.defaults().withConnectTimeout(Duration.ofSeconds(3))), factory, false)
                .block(WAIT);
        ConnectionConfig config = factory.configs().get(0);
        assertEquals("ks", config.keyspace());
        SessionFactory.connect(ReactiveSession.builder().addContactPoint(A).withKeyspace("\"MyKs\""), factory, false)
                .block(WAIT);
        assertEquals("MyKs", factory.configs().get(1).keyspace());
        SessionFactory.connect(ReactiveSession.builder().addContactPoint(A).withKeyspace("MyKs"), factory, false)
                .block(WAIT);
        assertEquals("myks", factory.configs().get(2).keyspace());
        assertEquals("lz4", config.compression());
        assertEquals(ProtocolVersion.V5, config.protocolVersion());
        assertEquals(Duration.ofSeconds(3), config.connectTimeout());
        assertTrue(config.authProvider() != null);
    }

    @Test
    void aPoolOfSeveralConnectionsSendsToTheLeastBusy() {
        List<FakeTransport> transports = new ArrayList<>();
        List<Sinks.One<Envelope>> pending = new ArrayList<>();
        AtomicInteger opened = new AtomicInteger();
        FakeConnectionFactory factory = new FakeConnectionFactory(endpoint -> {
            FakeTransport t = new FakeTransport(endpoint, ProtocolVersion.V5, request -> {
                if (request instanceof Query q && q.query().startsWith("USE")) {
                    return Mono.just(Envelope.response(ProtocolVersion.V5, 1, new SetKeyspaceResult("ks2")));
                }
                Sinks.One<Envelope> answer = Sinks.one();
                synchronized (pending) {
                    pending.add(answer);
                }
                return answer.asMono();
            });
            synchronized (transports) {
                transports.add(t);
            }
            opened.incrementAndGet();
            return Mono.just((CqlTransport) t);
        });
        ReactiveSession session = SessionFactory.connect(ReactiveSession.builder().addContactPoint(A)
                .withConfig(DriverConfig.defaults().withConnectionsPerNode(3)), factory, false).block(WAIT);
        assertEquals(3, opened.get());
        // the first connection negotiated v5: the others ask for it directly
        assertEquals(null, factory.configs().get(0).protocolVersion());
        assertEquals(ProtocolVersion.V5, factory.configs().get(1).protocolVersion());
        for (int i = 0; i < 6; i++) {
            session.execute("SELECT " + i).subscribe();
        }
        for (FakeTransport t : transports) {
            assertEquals(2, t.inFlight(), "requests spread evenly");
        }
        session.execute("USE ks2").subscribe();
        synchronized (pending) {
            pending.forEach(p -> p.tryEmitValue(Envelope.response(ProtocolVersion.V5, 1, new SetKeyspaceResult("ks2"))));
        }
        assertEquals("ks2", session.keyspace().orElseThrow());
        long uses = transports.stream().flatMap(t -> t.sent(Query.class).stream())
                .filter(q -> q.query().startsWith("USE")).count();
        assertTrue(uses >= 3, "every connection switched keyspace: " + uses);
    }

    @Test
    void aClosedConnectionIsReplaced() {
        AtomicInteger opened = new AtomicInteger();
        List<FakeTransport> transports = new ArrayList<>();
        FakeConnectionFactory factory = new FakeConnectionFactory(endpoint -> {
            FakeTransport t = Fixtures.transport(ProtocolVersion.V5, r -> VoidResult.INSTANCE);
            transports.add(t);
            opened.incrementAndGet();
            return Mono.just((CqlTransport) t);
        });
        ReactiveSession session = SessionFactory.connect(ReactiveSession.builder().addContactPoint(A), factory, false)
                .block(WAIT);
        transports.get(0).close().block();
        NoNodeAvailableException e = assertThrows(NoNodeAvailableException.class,
                () -> session.execute("SELECT 1").blockLast(WAIT));
        assertInstanceOf(ConnectionClosedException.class, e.errors().get(A));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (opened.get() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(2, opened.get());
        // the factory counts the replacement before the pool installs it: until then a request
        // still finds no connection
        session.execute("SELECT 1")
                .retryWhen(Retry.fixedDelay(250, Duration.ofMillis(20)).filter(NoNodeAvailableException.class::isInstance))
                .blockLast(WAIT);
        assertEquals(1, transports.get(1).sent().size());
    }
}
