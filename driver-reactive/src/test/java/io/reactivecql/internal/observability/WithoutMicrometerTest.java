package io.reactivecql.internal.observability;

import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.SessionBuilder;
import io.reactivecql.api.errors.SyntaxErrorException;
import io.reactivecql.api.observability.MetricsOptions;
import io.reactivecql.api.observability.RequestLogOptions;
import io.reactivecql.fake.FakeConnectionFactory;
import io.reactivecql.fake.FakeTransport;
import io.reactivecql.fake.Fixtures;
import io.reactivecql.internal.session.SessionFactory;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.error.SyntaxError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs in the surefire execution {@code without-micrometer}, whose classpath has no Micrometer (nor
 * context-propagation): every option of the operability API still works, and only giving a
 * registry is refused, with a clear error.
 */
class WithoutMicrometerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @BeforeAll
    static void onlyWithoutMicrometer() {
        assumeTrue(Boolean.getBoolean("reactivecql.test.withoutMicrometer"),
                "proves something only in the without-micrometer execution");
    }

    @Test
    void micrometerIsReallyAbsent() {
        for (String type : List.of("io.micrometer.core.instrument.MeterRegistry",
                "io.micrometer.observation.ObservationRegistry", "io.micrometer.common.KeyValue",
                "io.micrometer.context.ContextRegistry")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(type), type);
        }
    }

    @Test
    void aSessionWithMetricsOptionsLoggingAndATrackerWorks() {
        List<String> events = new CopyOnWriteArrayList<>();
        RequestTracker tracker = new RequestTracker() {
            @Override
            public void onRequestSuccess(TrackedRequest request, InetSocketAddress coordinator, long latencyNanos) {
                events.add("success " + request.context().getOrDefault("tenant", "?"));
            }

            @Override
            public void onRequestError(TrackedRequest request, InetSocketAddress node, Throwable error,
                                       long latencyNanos) {
                events.add("error " + error.getClass().getSimpleName());
            }
        };
        FakeTransport transport = Fixtures.transport(ProtocolVersion.V5, request ->
                request instanceof Query q && q.query().startsWith("SELEC ") ? new SyntaxError("no viable")
                        : Fixtures.page(request, 3));
        ReactiveSession session = SessionFactory.connect(ReactiveSession.builder().addContactPoint(Fixtures.NODE)
                        .withMetrics(MetricsOptions.all())
                        .withRequestLogging(RequestLogOptions.defaults().withSuccess(true).withErrors(true)
                                .withSlow(Duration.ofMillis(1)).withContextKeys(List.of("tenant")))
                        .withRequestTracker(tracker),
                FakeConnectionFactory.of(transport), false).block(WAIT);
        assertEquals(3, session.execute("SELECT * FROM t")
                .contextWrite(reactor.util.context.Context.of("tenant", "acme")).collectList().block(WAIT).size());
        assertThrows(SyntaxErrorException.class, () -> session.execute("SELEC 1").blockLast(WAIT));
        assertEquals(List.of("success acme", "error SyntaxErrorException"), events);
        session.close().block(WAIT);
    }

    @Test
    void theApiClassesReflectWithoutMicrometer() {
        for (Class<?> type : List.of(SessionBuilder.class, ReactiveSession.class, RequestTracker.class,
                MetricsOptions.class, RequestLogOptions.class)) {
            assertTrue(type.getMethods().length > 0);
            type.getDeclaredMethods();
            type.getDeclaredFields();
        }
    }

    @Test
    void givingARegistryExplainsWhatIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReactiveSession.builder().withMeterRegistry(new Object()));
        assertTrue(e.getMessage().startsWith("meterRegistry needs Micrometer") && e.getMessage().contains(
                "io.micrometer:micrometer-core"), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> ReactiveSession.builder().withObservationRegistry(new Object()));
        assertTrue(e.getMessage().startsWith("observationRegistry needs Micrometer"), e.getMessage());
    }
}
