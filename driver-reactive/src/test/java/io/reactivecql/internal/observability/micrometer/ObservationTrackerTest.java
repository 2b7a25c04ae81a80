package io.reactivecql.internal.observability.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.errors.SyntaxErrorException;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.fake.FakeConnectionFactory;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.error.SyntaxError;
import io.reactivecql.protocol.response.result.VoidResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Hooks;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Each request as a Micrometer observation, and where its parent comes from. */
class ObservationTrackerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Records the observations that stop. */
    static final class Recording implements ObservationHandler<Observation.Context> {
        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        Observation.Context request() {
            List<Observation.Context> requests = stopped.stream()
                    .filter(c -> c.getName().equals("reactivecql.request")).toList();
            assertEquals(1, requests.size(), stopped.toString());
            return requests.get(0);
        }
    }

    private final Recording recording = new Recording();
    private final ObservationRegistry registry = ObservationRegistry.create();

    ObservationTrackerTest() {
        registry.observationConfig().observationHandler(recording);
    }

    private ReactiveSession session() {
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, request ->
                request instanceof Query q && q.query().startsWith("SELEC ")
                        ? new SyntaxError("no viable alternative") : VoidResult.INSTANCE);
        return SessionFactory.connect(ReactiveSession.builder().addContactPoint(Fixtures.NODE)
                        .withObservationRegistry(registry)
                        .withMetrics(io.reactivecql.api.observability.MetricsOptions.defaults().withSessionName("obs")),
                FakeConnectionFactory.of(transport), false).block(WAIT);
    }

    private static Map<String, String> keys(Iterable<KeyValue> values) {
        return java.util.stream.StreamSupport.stream(values.spliterator(), false)
                .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    @Test
    void theParentIsTheObservationInTheSubscribersContext() {
        ReactiveSession session = session();
        Observation parent = Observation.start("http.server.requests", registry);
        session.execute(SimpleStatement.of("SELECT v FROM t WHERE k = 1").withKeyspace("ks")
                        .withConsistency(ConsistencyLevel.QUORUM))
                .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, parent))
                .blockLast(WAIT);
        parent.stop();
        Observation.Context request = recording.request();
        assertSame(parent.getContext(), request.getParentObservation().getContextView());
        assertEquals("SELECT ks", request.getContextualName());
        assertEquals(Map.of("db.system", "cassandra", "reactivecql.session", "obs", "reactivecql.keyspace", "ks",
                "reactivecql.statement.kind", "SELECT", "reactivecql.consistency", "QUORUM",
                "reactivecql.coordinator", "127.0.0.1:9042", "reactivecql.outcome", "success"),
                keys(request.getLowCardinalityKeyValues()));
        assertEquals(Map.of("reactivecql.page", "1", "reactivecql.query", "SELECT v FROM t WHERE k = 1"),
                keys(request.getHighCardinalityKeyValues()));
    }

    @Test
    void withoutOneInTheContextTheParentIsTheCurrentObservationOfTheSubscribingThread() {
        ReactiveSession session = session();
        Observation parent = Observation.start("job", registry);
        try (Observation.Scope scope = parent.openScope()) {
            session.execute("INSERT INTO t (k) VALUES (1)").blockLast(WAIT);
        }
        parent.stop();
        Observation.Context request = recording.request();
        assertSame(parent.getContext(), request.getParentObservation().getContextView());
        assertEquals("INSERT", request.getContextualName());
        assertEquals("none", keys(request.getLowCardinalityKeyValues()).get("reactivecql.keyspace"));
    }

    @Test
    void withAutomaticContextPropagationTheParentFollowsTheSubscriptionToAnotherThread() {
        ReactiveSession session = session();
        Observation parent = Observation.start("http.server.requests", registry);
        Hooks.enableAutomaticContextPropagation();
        try (Observation.Scope scope = parent.openScope()) {
            // blockLast captures the thread's observation into the Reactor context; the request starts elsewhere
            session.execute("INSERT INTO t (k) VALUES (1)").subscribeOn(Schedulers.parallel()).blockLast(WAIT);
        } finally {
            Hooks.disableAutomaticContextPropagation();
        }
        parent.stop();
        assertSame(parent.getContext(), recording.request().getParentObservation().getContextView());
    }

    @Test
    void aFailedRequestCarriesItsError() {
        ReactiveSession session = session();
        try {
            session.execute("SELEC 1").blockLast(WAIT);
        } catch (SyntaxErrorException expected) {
            // recorded below
        }
        Observation.Context request = recording.request();
        assertInstanceOf(SyntaxErrorException.class, request.getError());
        assertEquals("error", keys(request.getLowCardinalityKeyValues()).get("reactivecql.outcome"));
        assertNull(request.getParentObservation());
    }

    @Test
    void aPrepareIsItsOwnKind() {
        ReactiveSession session = session();
        // the fake answers VOID to a PREPARE, which the session refuses: the observation still ends, failed
        try {
            session.prepare("SELECT * FROM t").block(WAIT);
        } catch (IllegalStateException expected) {
            // unexpected answer
        }
        assertEquals("PREPARE", keys(recording.request().getLowCardinalityKeyValues())
                .get("reactivecql.statement.kind"));
    }
}
