package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.BusyConnectionException;
import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.api.errors.InvalidBindingException;
import io.reactivecql.api.errors.NoNodeAvailableException;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.errors.SessionClosedException;
import io.reactivecql.api.errors.SyntaxErrorException;
import io.reactivecql.api.errors.UnsupportedFeatureException;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.QueryOptions;
import io.reactivecql.protocol.response.error.SyntaxError;
import io.reactivecql.protocol.response.result.SetKeyspaceResult;
import io.reactivecql.protocol.response.result.VoidResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timeouts, request options, version checks and driver-side errors over a scripted node. */
class RequestHandlerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aRequestWithoutAnswerTimesOutAndIsCancelled() {
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request -> Mono.never());
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults()
                .withRequestTimeout(Duration.ofMillis(100)));
        StepVerifier.create(session.execute("SELECT * FROM t"))
                .expectErrorSatisfies(e -> {
                    OperationTimedOutException timeout = assertInstanceOf(OperationTimedOutException.class, e);
                    assertEquals(Duration.ofMillis(100), timeout.timeout());
                    assertEquals(Fixtures.NODE, timeout.node());
                })
                .verify(WAIT);
        assertEquals(1, transport.cancelled());
        assertEquals(0, transport.inFlight());
    }

    @Test
    void theStatementTimeoutWinsOverTheSessionOne() {
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request -> Mono.never());
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        long start = System.nanoTime();
        assertThrows(OperationTimedOutException.class, () -> session.executePage(SimpleStatement.of("SELECT 1")
                .withTimeout(Duration.ofMillis(50))).block(WAIT));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
    }

    @Test
    void aTimeoutShorterThanTheTimersTickStillTimesOutARequestAnsweredAtOnce() {
        // the fake answers synchronously, long before the shared timer's 10 ms tick: only the
        // deadline checked before the write can time the request out
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, r -> VoidResult.INSTANCE);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        assertThrows(OperationTimedOutException.class, () -> session.executePage(SimpleStatement.of("SELECT 1")
                .withTimeout(Duration.ofNanos(1))).block(WAIT));
        assertEquals(0, transport.sent().size(), "past its deadline, the request is not written");
        session.executePage(SimpleStatement.of("SELECT 1")).block(WAIT);
        assertEquals(1, transport.sent().size());
    }

    @Test
    void serverErrorsAreTyped() {
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, r -> new SyntaxError("line 1:0 no viable"));
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        StepVerifier.create(session.execute("SELEC 1"))
                .expectErrorSatisfies(e -> {
                    SyntaxErrorException syntax = assertInstanceOf(SyntaxErrorException.class, e);
                    assertEquals(0x2000, syntax.errorCode());
                    assertEquals(Fixtures.NODE, syntax.coordinator());
                    assertTrue(syntax.getMessage().contains("no viable"));
                })
                .verify(WAIT);
    }

    @Test
    void statementOptionsReachTheWire() {
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, r -> VoidResult.INSTANCE);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        session.executePage(SimpleStatement.of("INSERT INTO t (a, b) VALUES (?, ?)", "x", 5L)
                .withConsistency(ConsistencyLevel.QUORUM)
                .withSerialConsistency(ConsistencyLevel.LOCAL_SERIAL)
                .withTimestamp(1234L)
                .withPageSize(17)
                .withKeyspace("other")
                .withNowInSeconds(99)
                .withTracing(true)).block(WAIT);
        QueryOptions options = transport.sent(Query.class).get(0).options();
        assertEquals(ConsistencyLevel.QUORUM, options.consistency());
        assertEquals(ConsistencyLevel.LOCAL_SERIAL, options.serialConsistency());
        assertEquals(1234L, options.defaultTimestamp());
        assertEquals(17, options.pageSize());
        assertEquals("other", options.keyspace());
        assertEquals(99, options.nowInSeconds());
        assertEquals("x", java.nio.charset.StandardCharsets.UTF_8.decode(options.values().get(0)).toString());
        assertEquals(5L, options.values().get(1).getLong(0));
        assertEquals(List.of(true), transport.tracingFlags());
    }

    @Test
    void timestampsComeFromAMonotonicGeneratorByDefault() {
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, r -> VoidResult.INSTANCE);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        for (int i = 0; i < 50; i++) {
            session.executePage(SimpleStatement.of("INSERT INTO t (a) VALUES (1)")).block(WAIT);
        }
        long previous = Long.MIN_VALUE;
        for (Query q : transport.sent(Query.class)) {
            long ts = q.options().defaultTimestamp();
            assertTrue(ts > previous, "timestamps increase");
            previous = ts;
        }
        assertTrue(Math.abs(previous / 1000 - System.currentTimeMillis()) < 60_000);
    }

    @Test
    void namedValuesAreSentWithTheirNames() {
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, r -> VoidResult.INSTANCE);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        session.execute("INSERT INTO t (a, b) VALUES (:a, :b)", Map.of("a", 1)).blockLast(WAIT);
        QueryOptions options = transport.sent(Query.class).get(0).options();
        assertEquals(List.of("a"), options.names());
        assertEquals(1, options.values().get(0).getInt(0));
    }

    @Test
    void v5OnlyOptionsFailOnV4BeforeSending() {
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V4, r -> VoidResult.INSTANCE);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> session.execute(SimpleStatement.of("SELECT 1").withKeyspace("ks")).blockLast(WAIT));
        assertTrue(e.getMessage().contains("V4"));
        assertThrows(UnsupportedFeatureException.class,
                () -> session.execute(SimpleStatement.of("SELECT 1").withNowInSeconds(5)).blockLast(WAIT));
        assertThrows(UnsupportedFeatureException.class,
                () -> session.prepare(SimpleStatement.of("SELECT 1").withKeyspace("ks")).block(WAIT));
        assertEquals(0, transport.sent().size());
    }

    @Test
    void aValueOfAnUnknownClassFailsBeforeSending() {
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, r -> VoidResult.INSTANCE);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        InvalidBindingException e = assertThrows(InvalidBindingException.class,
                () -> session.execute("INSERT INTO t (a) VALUES (?)", new Object()).blockLast(WAIT));
        assertTrue(e.getMessage().contains("value 0"), e.getMessage());
        assertEquals(0, transport.sent().size());
    }

    @Test
    void aBusyConnectionIsReportedPerNode() {
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5,
                request -> Mono.error(new BusyConnectionException(Fixtures.NODE, 10, 10)));
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        NoNodeAvailableException e = assertThrows(NoNodeAvailableException.class,
                () -> session.execute("SELECT 1").blockLast(WAIT));
        assertInstanceOf(BusyConnectionException.class, e.errors().get(Fixtures.NODE));
    }

    @Test
    void aClosedConnectionFailsANonIdempotentStatementAsIs() {
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5,
                request -> Mono.error(new ConnectionClosedException(Fixtures.NODE, "reset", null)));
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        assertThrows(ConnectionClosedException.class, () -> session.execute("INSERT 1").blockLast(WAIT));
        NoNodeAvailableException e = assertThrows(NoNodeAvailableException.class,
                () -> session.execute(SimpleStatement.of("SELECT 1").withIdempotent(true)).blockLast(WAIT));
        assertEquals(1, e.errors().size());
    }

    @Test
    void aClosedSessionRefusesRequests() {
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, r -> VoidResult.INSTANCE);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        session.close().block(WAIT);
        session.close().block(WAIT);
        assertTrue(session.isClosed());
        assertTrue(transport.isClosed());
        assertThrows(SessionClosedException.class, () -> session.execute("SELECT 1").blockLast(WAIT));
        assertThrows(SessionClosedException.class, () -> session.prepare("SELECT 1").block(WAIT));
    }

    @Test
    void useChangesTheSessionKeyspace() {
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, r ->
                r instanceof Query q && q.query().startsWith("USE") ? new SetKeyspaceResult("ks2") : VoidResult.INSTANCE);
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        session.execute("USE ks2").blockLast(WAIT);
        assertEquals("ks2", session.keyspace().orElseThrow());
    }

    @Test
    void executionInfoCarriesWarningsTracingIdAndPayload() {
        UUID tracingId = UUID.randomUUID();
        Map<String, ByteBuffer> payload = Map.of("k", ByteBuffer.wrap(new byte[] {1}));
        FakeTransport transport = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request -> Mono.just(
                new Envelope(ProtocolVersion.V5, 1, true, tracingId, List.of("careful"), payload, false,
                        Fixtures.page(request, 3))));
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        ResultPage page = session.executePage(SimpleStatement.of("SELECT * FROM t").withTracing(true)).block(WAIT);
        assertEquals(List.of("careful"), page.executionInfo().warnings());
        assertEquals(tracingId, page.executionInfo().tracingId());
        assertEquals(payload, page.executionInfo().customPayload());
        assertEquals(Fixtures.NODE, page.executionInfo().coordinator());
        ResultPage untraced = session.executePage(SimpleStatement.of("SELECT * FROM t")).block(WAIT);
        assertTrue(untraced.executionInfo().tracingId() != null); // the fake always answers with one
    }

    @Test
    void queryTraceOfAnUntracedRequestFails() {
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, request -> Fixtures.page(request, 3));
        ReactiveSession session = Fixtures.session(transport, DriverConfig.defaults());
        ResultPage page = session.executePage(SimpleStatement.of("SELECT * FROM t")).block(WAIT);
        assertThrows(IllegalStateException.class, () -> page.executionInfo().queryTrace().block(WAIT));
    }
}
