package io.reactivecql.internal.request;

import io.reactivecql.api.DriverConfig;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.errors.SyntaxErrorException;
import io.reactivecql.api.observability.RequestLogOptions;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.profile.RequestPolicies;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.result.Row;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.internal.observability.SessionInstrumentation;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.error.ReadTimeout;
import io.reactivecql.protocol.response.error.SyntaxError;
import io.reactivecql.protocol.response.result.VoidResult;
import io.reactivecql.api.codec.CodecRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-request events of the request tracker, the Reactor context they show, and their guarantees. */
class RequestTrackingTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Records every event as "event:page" with the request instance. */
    static final class Recorder implements RequestTracker {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<TrackedRequest> requests = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        final List<Long> latencies = new CopyOnWriteArrayList<>();
        final List<List<String>> warnings = new CopyOnWriteArrayList<>();

        private void record(String event, TrackedRequest request) {
            events.add(event + ":" + request.page());
            requests.add(request);
        }

        @Override
        public void onRequestStart(TrackedRequest request) {
            record("start", request);
        }

        @Override
        public void onRequestSuccess(TrackedRequest request, InetSocketAddress coordinator, long latencyNanos) {
            record("success", request);
            latencies.add(latencyNanos);
        }

        @Override
        public void onRequestError(TrackedRequest request, InetSocketAddress node, Throwable error, long latencyNanos) {
            record("error", request);
            errors.add(error);
        }

        @Override
        public void onServerWarnings(TrackedRequest request, InetSocketAddress coordinator, List<String> list) {
            record("warnings", request);
            warnings.add(list);
        }

        @Override
        public void onRequestSent(TrackedRequest request, InetSocketAddress node) {
            record("sent", request);
        }

        @Override
        public void onSuccess(TrackedRequest request, InetSocketAddress node, long latencyNanos) {
            record("node-success", request);
        }

        @Override
        public void onError(TrackedRequest request, InetSocketAddress node, Throwable error, long latencyNanos) {
            record("node-error", request);
        }

        @Override
        public void onRetryDecision(TrackedRequest request, InetSocketAddress node, Throwable error,
                                    RetryDecision decision, int retryCount) {
            record("retry-" + decision.type(), request);
        }
    }

    private static FakeTransport pagedTable(int rows) {
        return Fixtures.transport(ProtocolVersion.V5, request -> Fixtures.page(request, rows));
    }

    @Test
    void everyPageIsOneRequestWhoseEventsShareOneInstanceAndTheSubscribersContext() {
        Recorder recorder = new Recorder();
        ReactiveSession session = Fixtures.session(pagedTable(3), DriverConfig.defaults().withPageSize(2), recorder);
        List<Row> rows = session.execute(SimpleStatement.of("SELECT * FROM ks.t")
                        .withConsistency(ConsistencyLevel.QUORUM))
                .contextWrite(Context.of("tenant", "acme"))
                .collectList().block(WAIT);
        assertEquals(3, rows.size());
        assertEquals(List.of("start:1", "sent:1", "node-success:1", "success:1",
                "start:2", "sent:2", "node-success:2", "success:2"), recorder.events);
        for (int i = 0; i < 4; i++) {
            assertSame(recorder.requests.get(0), recorder.requests.get(i), "one instance per request");
            assertSame(recorder.requests.get(4), recorder.requests.get(4 + i), "one instance per request");
        }
        for (RequestTracker.TrackedRequest request : recorder.requests) {
            assertEquals("acme", request.context().get("tenant"));
            assertEquals(RequestTracker.Kind.EXECUTE, request.kind());
            assertEquals(ConsistencyLevel.QUORUM, request.consistency());
        }
        assertTrue(recorder.latencies.stream().allMatch(nanos -> nanos > 0));
    }

    @Test
    void aFailedRequestEndsOnceWithItsTypedError() {
        Recorder recorder = new Recorder();
        ReactiveSession session = Fixtures.session(Fixtures.transport(ProtocolVersion.V5,
                r -> new SyntaxError("line 1:0 no viable")), DriverConfig.defaults(), recorder);
        assertThrows(SyntaxErrorException.class, () -> session.execute("SELEC 1").blockLast(WAIT));
        assertEquals(List.of("start:1", "sent:1", "node-error:1", "error:1"), recorder.events);
        assertInstanceOf(SyntaxErrorException.class, recorder.errors.get(0));
    }

    @Test
    void aTimeoutIsTheRequestsErrorAndTheAttemptIsCancelled() {
        Recorder recorder = new Recorder();
        FakeTransport silent = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request -> Mono.never());
        ReactiveSession session = Fixtures.session(silent, DriverConfig.defaults()
                .withRequestTimeout(Duration.ofMillis(50)), recorder);
        assertThrows(OperationTimedOutException.class, () -> session.execute("SELECT 1").blockLast(WAIT));
        assertEquals(List.of("start:1", "sent:1", "node-error:1", "error:1"), recorder.events);
        assertInstanceOf(OperationTimedOutException.class, recorder.errors.get(0));
    }

    @Test
    void aCancelledRequestEndsOnceWithACancellation() throws InterruptedException {
        Recorder recorder = new Recorder();
        FakeTransport silent = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request -> Mono.never());
        ReactiveSession session = Fixtures.session(silent, DriverConfig.defaults(), recorder);
        Disposable subscription = session.execute("SELECT 1").subscribe();
        for (int i = 0; i < 100 && !recorder.events.contains("sent:1"); i++) {
            Thread.sleep(10);
        }
        subscription.dispose();
        // a cancel travels downstream-first: the request ends, then its attempt
        assertEquals(List.of("start:1", "sent:1", "error:1", "node-error:1"), recorder.events);
        assertInstanceOf(CancellationException.class, recorder.errors.get(0));
    }

    @Test
    void serverWarningsAreReportedOncePerRequest() {
        Recorder recorder = new Recorder();
        List<String> warnings = List.of("Aggregation query used without partition key");
        FakeTransport warning = new FakeTransport(Fixtures.NODE, ProtocolVersion.V5, request -> Mono.just(
                new Envelope(ProtocolVersion.V5, 1, false, null, warnings, Map.of(), false, VoidResult.INSTANCE)));
        ReactiveSession session = Fixtures.session(warning, DriverConfig.defaults(), recorder);
        ResultPage page = session.executePage(SimpleStatement.of("SELECT count(*) FROM t")).block(WAIT);
        assertEquals(warnings, page.executionInfo().warnings());
        assertEquals(List.of(warnings), recorder.warnings);
        assertEquals(List.of("start:1", "sent:1", "node-success:1", "warnings:1", "success:1"), recorder.events);
    }

    @Test
    void retryDecisionsShowTheRequestTheyRetry() {
        Recorder recorder = new Recorder();
        FakeNodes nodes = new FakeNodes(2, DriverConfig.defaults(), RequestPolicies.defaults(), recorder);
        AtomicInteger calls = new AtomicInteger();
        nodes.respond(1, r -> FakeNodes.envelope(calls.getAndIncrement() == 0
                ? new ReadTimeout("rt", ConsistencyLevel.QUORUM, 2, 2, false) : VoidResult.INSTANCE));
        Statement<?> statement = SimpleStatement.of("SELECT * FROM t WHERE k = 1").withKeyspace("ks");
        nodes.execute(statement).block(WAIT);
        assertEquals(List.of("start:1", "sent:1", "node-error:1", "retry-RETRY_SAME:1", "sent:1", "node-success:1",
                "success:1"), recorder.events);
        assertTrue(recorder.requests.stream().allMatch(r -> r == recorder.requests.get(0)));
        assertEquals("ks", recorder.requests.get(0).keyspace());
    }

    @Test
    void trackersWrittenAgainstTheOriginalMethodsStillSeeEveryAttempt() {
        Fixtures.CountingTracker legacy = new Fixtures.CountingTracker();
        ReactiveSession session = Fixtures.session(pagedTable(3), DriverConfig.defaults().withPageSize(2), legacy);
        session.execute("SELECT * FROM t").blockLast(WAIT);
        assertEquals(List.of(1, 2), legacy.executePages);
    }

    @Test
    void aTrackerThatThrowsDoesNotFailTheRequest() {
        RequestTracker broken = new RequestTracker() {
            @Override
            public void onRequestStart(TrackedRequest request) {
                throw new IllegalStateException("tracker bug");
            }

            @Override
            public void onRequestSent(TrackedRequest request, InetSocketAddress node) {
                throw new IllegalStateException("tracker bug");
            }

            @Override
            public void onRequestSuccess(TrackedRequest request, InetSocketAddress coordinator, long latencyNanos) {
                throw new IllegalStateException("tracker bug");
            }
        };
        ReactiveSession session = Fixtures.session(pagedTable(3), DriverConfig.defaults(), broken);
        assertEquals(3, session.execute("SELECT * FROM t").collectList().block(WAIT).size());
    }

    @Test
    void withoutMetricsObservationsOrRequestLogsNothingTimesRequests() {
        CodecRegistry codecs = CodecRegistry.defaultRegistry();
        RequestTracker defaults = SessionInstrumentation.create(ReactiveSession.builder(), codecs).tracker();
        assertInstanceOf(LightweightTracker.class, defaults, "the server-warning logger alone needs no timing");
        assertNull(SessionInstrumentation.create(ReactiveSession.builder().withRequestLogging(
                RequestLogOptions.defaults().withServerWarnings(false)), codecs).tracker());
        assertTrue(!(SessionInstrumentation.create(ReactiveSession.builder().withRequestLogging(
                RequestLogOptions.defaults().withErrors(true)), codecs).tracker() instanceof LightweightTracker));
    }
}
