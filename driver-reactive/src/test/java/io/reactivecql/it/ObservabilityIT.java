package io.reactivecql.it;

import ch.qos.logback.classic.Level;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.config.DriverOption;
import io.reactivecql.api.errors.SyntaxErrorException;
import io.reactivecql.api.observability.MetricsOptions;
import io.reactivecql.api.observability.RequestLogOptions;
import io.reactivecql.api.result.ResultPage;
import io.reactivecql.api.statement.SimpleStatement;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.fake.HistogramMeterRegistry;
import io.reactivecql.fake.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metrics, observations and request logging of a session against a real node. */
@RealCassandra
class ObservabilityIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

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
    }

    private static final HistogramMeterRegistry METERS = new HistogramMeterRegistry();
    private static final ObservationRegistry OBSERVATIONS = ObservationRegistry.create();
    private static final Recording RECORDING = new Recording();
    private static ReactiveSession session;
    private static String node;

    @BeforeAll
    static void open(CassandraCluster cluster) {
        OBSERVATIONS.observationConfig().observationHandler(RECORDING);
        InetSocketAddress contact = cluster.contactPoints().get(0);
        node = contact.getHostString() + ":" + contact.getPort();
        session = ItSessions.builder(cluster)
                .withMeterRegistry(METERS)
                .withMetrics(MetricsOptions.all().withSessionName("it"))
                .withObservationRegistry(OBSERVATIONS)
                .withRequestLogging(RequestLogOptions.defaults().withErrors(true).withContextKeys(List.of("tenant")))
                .connect().block(WAIT);
        session.execute("CREATE KEYSPACE IF NOT EXISTS it_obs WITH replication = "
                + "{'class': 'SimpleStrategy', 'replication_factor': 1}").blockLast(WAIT);
        session.execute("CREATE TABLE IF NOT EXISTS it_obs.kv (k int PRIMARY KEY, v text)").blockLast(WAIT);
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close().block(WAIT);
            assertEquals(List.of(), METERS.getMeters(), "closing the session removes its meters");
        }
    }

    private static Timer requests(String outcome) {
        return METERS.get("reactivecql.cql.requests").tags("session", "it", "outcome", outcome).timer();
    }

    @Test
    void requestsAreTimedAndBytesAndPoolsAreMeasured() {
        long before = requests("success").count();
        double sent = METERS.get("reactivecql.bytes.sent").functionCounter().count();
        for (int i = 0; i < 5; i++) {
            session.execute("INSERT INTO it_obs.kv (k, v) VALUES (?, ?)", i, "v" + i).blockLast(WAIT);
        }
        assertEquals(5, session.execute("SELECT * FROM it_obs.kv WHERE k IN (0, 1, 2, 3, 4)")
                .count().block(WAIT));
        Timer success = requests("success");
        assertEquals(before + 6, success.count());
        assertTrue(success.takeSnapshot().histogramCounts().length > 0, "a latency histogram");
        assertTrue(success.takeSnapshot().histogramCounts()[success.takeSnapshot().histogramCounts().length - 1]
                .count() >= 6, "every request falls in the histogram's range");
        assertTrue(METERS.get("reactivecql.bytes.sent").functionCounter().count() > sent);
        assertTrue(METERS.get("reactivecql.bytes.received").functionCounter().count() > 0);
        assertTrue(METERS.get("reactivecql.node.bytes.received").tag("node", node).functionCounter().count() > 0);
        assertEquals(1, METERS.get("reactivecql.connected.nodes").gauge().value());
        assertEquals(1, METERS.get("reactivecql.node.pool.open.connections").tag("node", node).gauge().value());
        assertEquals(0, METERS.get("reactivecql.node.pool.in.flight").tag("node", node).gauge().value());
        assertEquals(0, METERS.get("reactivecql.node.pool.orphaned.streams").tag("node", node).gauge().value());
        assertEquals(0, METERS.get("reactivecql.throttling.queue.size").gauge().value());
    }

    @Test
    void aSyntaxErrorIsCountedByTypeOnTheSessionAndTheNodeAndLogged() {
        double errors = METERS.find("reactivecql.cql.errors").tag("error", "SyntaxErrorException").counters()
                .stream().mapToDouble(c -> c.count()).sum();
        try (LogCapture log = new LogCapture("io.reactivecql.requests", Level.DEBUG)) {
            assertThrows(SyntaxErrorException.class, () -> session.execute("SELEC * FROM it_obs.kv")
                    .contextWrite(Context.of("tenant", "acme")).blockLast(WAIT));
            assertEquals(1, log.events().size(), log.messages().toString());
            assertTrue(log.messages().get(0).startsWith("WARN [it] Failed request")
                    && log.messages().get(0).contains("SELEC * FROM it_obs.kv -> "), log.messages().get(0));
            assertEquals("acme", log.events().get(0).getMDCPropertyMap().get("tenant"));
        }
        assertEquals(errors + 1, METERS.get("reactivecql.cql.errors").tags("session", "it", "error",
                "SyntaxErrorException").counter().count());
        assertTrue(METERS.get("reactivecql.node.errors").tags("node", node, "error", "SyntaxErrorException")
                .counter().count() >= 1);
        assertTrue(requests("error").count() >= 1);
    }

    @Test
    void theRequestObservationIsAChildOfTheObservationInTheReactorContext() {
        Observation http = Observation.start("http.server.requests", OBSERVATIONS);
        session.execute(SimpleStatement.of("SELECT v FROM it_obs.kv WHERE k = ?", 1))
                .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, http))
                .blockLast(WAIT);
        http.stop();
        List<Observation.Context> children = RECORDING.stopped.stream()
                .filter(c -> c.getParentObservation() != null
                        && c.getParentObservation().getContextView() == http.getContext())
                .toList();
        assertEquals(1, children.size(), RECORDING.stopped.toString());
        Observation.Context request = children.get(0);
        assertEquals("reactivecql.request", request.getName());
        assertEquals("SELECT", request.getContextualName());
        List<String> keys = StreamSupport.stream(request.getLowCardinalityKeyValues().spliterator(), false)
                .map(KeyValue::toString).collect(Collectors.toList());
        assertTrue(keys.contains(KeyValue.of("reactivecql.coordinator", node).toString()), keys.toString());
        assertTrue(keys.contains(KeyValue.of("reactivecql.consistency", "LOCAL_ONE").toString()), keys.toString());
        assertSame(http.getContext(), request.getParentObservation().getContextView());
    }

    @Test
    void aServerWarningIsLoggedOncePerRequest() {
        try (LogCapture log = new LogCapture("io.reactivecql.warnings", Level.DEBUG)) {
            ResultPage page = session.executePage(SimpleStatement.of("SELECT count(*) FROM it_obs.kv")).block(WAIT);
            List<String> warnings = page.executionInfo().warnings();
            assertNotNull(warnings);
            assertTrue(!warnings.isEmpty(), "Cassandra warns about an aggregation without partition key");
            assertEquals(1, log.events().size(), log.messages().toString());
            assertTrue(log.messages().get(0).contains(warnings.get(0)), log.messages().get(0));
        }
    }

    @Test
    void theConfigurationChoosesTheMetricsAndTurnsTheRequestLoggerOn(CassandraCluster cluster) {
        HistogramMeterRegistry meters = new HistogramMeterRegistry();
        ReactiveSession configured = ItSessions.builder(cluster).withMeterRegistry(meters)
                .withOption(DriverOption.METRICS_SESSION_ENABLED, "cql-requests, cql-errors")
                .withOption(DriverOption.METRICS_NODE_ENABLED, "pool.in-flight")
                .withOption(DriverOption.METRICS_SESSION_NAME, "configured")
                .withOption(DriverOption.REQUEST_LOGGER_ENABLED, "true")
                .withOption(DriverOption.REQUEST_LOGGER_SLOW_THRESHOLD, "1ns")
                .connect().block(WAIT);
        try (LogCapture log = new LogCapture("io.reactivecql.requests", Level.DEBUG)) {
            configured.execute("SELECT v FROM it_obs.kv WHERE k = 1").blockLast(WAIT);
            assertEquals(1, meters.get("reactivecql.cql.requests").tags("session", "configured", "outcome", "success")
                    .timer().count());
            assertNotNull(meters.find("reactivecql.node.pool.in.flight").tag("node", node).gauge());
            assertNull(meters.find("reactivecql.bytes.sent").meter(), "not listed: not registered");
            assertNull(meters.find("reactivecql.node.errors").meter(), "not listed: not registered");
            assertEquals(1, log.events().size(), log.messages().toString());
            assertTrue(log.messages().get(0).startsWith("WARN [configured] Slow request"), log.messages().get(0));
        } finally {
            configured.close().block(WAIT);
        }
        assertEquals(List.of(), meters.getMeters());
    }
}
