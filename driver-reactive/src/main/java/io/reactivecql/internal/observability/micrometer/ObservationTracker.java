package io.reactivecql.internal.observability.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.internal.observability.StatementKind;
import io.reactivecql.internal.request.InstrumentedRequest;
import io.reactivecql.protocol.ConsistencyLevel;

import java.net.InetSocketAddress;
import java.util.concurrent.CancellationException;

/**
 * Makes every request an {@link Observation} named {@value #NAME}, started when the request starts
 * and stopped when it ends. Its parent is the observation in the subscriber's Reactor context
 * under {@link ObservationThreadLocalAccessor#KEY} (where WebFlux and Reactor's {@code tap} put
 * it), else the registry's current one (a thread-local, set when the subscription happened inside
 * an observation's scope). The observation travels with the request in its instrumentation slot,
 * so no map is involved.
 */
final class ObservationTracker implements RequestTracker {

    static final String NAME = "reactivecql.request";
    static final String SYSTEM = "db.system";
    static final String SESSION = "reactivecql.session";
    static final String KEYSPACE = "reactivecql.keyspace";
    static final String KIND = "reactivecql.statement.kind";
    static final String CONSISTENCY = "reactivecql.consistency";
    static final String COORDINATOR = "reactivecql.coordinator";
    static final String OUTCOME = "reactivecql.outcome";
    static final String PAGE = "reactivecql.page";
    static final String QUERY = "reactivecql.query";
    /** Characters of the CQL text kept in the (high-cardinality) query key. */
    static final int MAX_QUERY = 300;
    private static final String NONE = "none";

    private final ObservationRegistry registry;
    private final String session;

    ObservationTracker(ObservationRegistry registry, String session) {
        this.registry = registry;
        this.session = session;
    }

    @Override
    public void onRequestStart(TrackedRequest request) {
        if (!(request instanceof InstrumentedRequest instrumented) || registry.isNoop()) {
            return;
        }
        String kind = StatementKind.of(request);
        String keyspace = request.keyspace();
        ConsistencyLevel consistency = request.consistency();
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName(keyspace == null ? kind : kind + " " + keyspace)
                .lowCardinalityKeyValue(SYSTEM, "cassandra")
                .lowCardinalityKeyValue(SESSION, session)
                .lowCardinalityKeyValue(KEYSPACE, keyspace == null ? NONE : keyspace)
                .lowCardinalityKeyValue(KIND, kind)
                .lowCardinalityKeyValue(CONSISTENCY, consistency == null ? NONE : consistency.name())
                .highCardinalityKeyValue(PAGE, Integer.toString(request.page()));
        String query = StatementKind.query(request.statement());
        if (query != null) {
            observation.highCardinalityKeyValue(QUERY,
                    query.length() <= MAX_QUERY ? query : query.substring(0, MAX_QUERY) + "...");
        }
        Observation parent = parent(request);
        if (parent != null) {
            observation.parentObservation(parent);
        }
        instrumented.attach(observation.start());
    }

    private Observation parent(TrackedRequest request) {
        // KEY is a compile-time constant: reading it loads no context-propagation class
        Object inContext = request.context().getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (inContext instanceof Observation observation) {
            return observation;
        }
        return registry.getCurrentObservation();
    }

    @Override
    public void onRequestSuccess(TrackedRequest request, InetSocketAddress coordinator, long latencyNanos) {
        Observation observation = observation(request);
        if (observation != null) {
            observation.lowCardinalityKeyValue(COORDINATOR, address(coordinator))
                    .lowCardinalityKeyValue(OUTCOME, "success")
                    .stop();
        }
    }

    @Override
    public void onRequestError(TrackedRequest request, InetSocketAddress node, Throwable error, long latencyNanos) {
        Observation observation = observation(request);
        if (observation == null) {
            return;
        }
        observation.lowCardinalityKeyValue(COORDINATOR, address(node));
        if (error instanceof CancellationException) {
            observation.lowCardinalityKeyValue(OUTCOME, "cancelled");
        } else {
            observation.lowCardinalityKeyValue(OUTCOME, "error").error(error);
        }
        observation.stop();
    }

    private static Observation observation(TrackedRequest request) {
        return request instanceof InstrumentedRequest instrumented
                && instrumented.attachment() instanceof Observation observation ? observation : null;
    }

    private static String address(InetSocketAddress node) {
        return node == null ? NONE : node.getHostString() + ":" + node.getPort();
    }
}
