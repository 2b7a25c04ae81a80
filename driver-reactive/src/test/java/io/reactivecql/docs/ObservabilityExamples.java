package io.reactivecql.docs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.reactivecql.api.ReactiveSession;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.metadata.NodeStateEvent;
import io.reactivecql.api.observability.MetricsOptions;
import io.reactivecql.api.observability.RequestLogOptions;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * The code examples of docs/observability.md, compiled with the tests so that they keep matching
 * the API. Never run.
 */
@SuppressWarnings("unused")
final class ObservabilityExamples {

    private ObservabilityExamples() {
    }

    static Mono<ReactiveSession> observed(MeterRegistry meterRegistry, ObservationRegistry observationRegistry,
                                          RequestTracker myTracker) {
        return ReactiveSession.builder()
                .addContactPoint(new InetSocketAddress("127.0.0.1", 9042))
                .withLocalDatacenter("datacenter1")
                .withMeterRegistry(meterRegistry)                  // Micrometer MeterRegistry: metrics
                .withMetrics(MetricsOptions.defaults()             // which ones (default: every session metric)
                        .withNodeMetricNames(List.of("pool.in-flight", "errors"))
                        .withSessionName("orders"))                    // the `session` tag
                .withObservationRegistry(observationRegistry)      // one observation per request
                .withRequestLogging(RequestLogOptions.defaults()   // SLF4J: slow and failed requests
                        .withSlow(Duration.ofMillis(500))
                        .withErrors(true)
                        .withContextKeys(List.of("tenant")))           // Reactor context keys copied to the MDC
                .withRequestTracker(myTracker)                     // your own RequestTracker
                .connect();
    }

    static void downNodes(ReactiveSession session, org.slf4j.Logger log) {
        session.nodeEvents()
                .filter(e -> e.type() == NodeStateEvent.Type.DOWN)
                .subscribe(e -> log.warn("{} is down", e.node().endpoint()));
    }
}
