package io.reactivecql.internal.observability.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.errors.OperationTimedOutException;
import io.reactivecql.api.observability.SessionMetric;
import io.reactivecql.api.policy.retry.RetryDecision;

import java.net.InetSocketAddress;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The request metrics as a tracker. Every meter of the success path is built once, when the
 * session opens ({@link #meters}): recording a request is one volatile read and one
 * {@code Timer.record}, with no lock, no map lookup and no allocation. Failures look up their
 * counter by exception class (error path only). Cancelled requests are not counted.
 */
final class RequestMetrics implements RequestTracker {

    /** The registered meters; null before the session opened and for disabled metrics. */
    record Meters(Timer success, Timer error, Counter timeouts, Counter[] retries, Counter speculative,
                  boolean errors, Tags tags, MeterRegistry registry) {
    }

    private final MicrometerMetrics owner;
    private final boolean nodeErrors;
    private final ConcurrentMap<Class<?>, Counter> errors = new ConcurrentHashMap<>();
    private volatile Meters meters;

    RequestMetrics(MicrometerMetrics owner, boolean nodeErrors) {
        this.owner = owner;
        this.nodeErrors = nodeErrors;
    }

    void meters(Meters m) {
        this.meters = m;
    }

    @Override
    public void onRequestSuccess(TrackedRequest request, InetSocketAddress coordinator, long latencyNanos) {
        Meters m = meters;
        if (m != null && m.success() != null) {
            m.success().record(latencyNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void onRequestError(TrackedRequest request, InetSocketAddress node, Throwable error, long latencyNanos) {
        Meters m = meters;
        if (m == null || error instanceof CancellationException) {
            return;
        }
        if (m.error() != null) {
            m.error().record(latencyNanos, TimeUnit.NANOSECONDS);
        }
        if (m.timeouts() != null && error instanceof OperationTimedOutException) {
            m.timeouts().increment();
        }
        if (m.errors()) {
            Counter counter = errors.get(error.getClass());
            if (counter == null) {
                Counter created = Counter.builder(SessionMetric.CQL_ERRORS.meterName())
                        .description(SessionMetric.CQL_ERRORS.description())
                        .tags(m.tags()).tag("error", error.getClass().getSimpleName())
                        .register(m.registry()); // the registry returns the same counter for the same id
                if (errors.putIfAbsent(error.getClass(), created) == null) {
                    owner.register(created);
                }
                counter = created;
            }
            counter.increment();
        }
    }

    @Override
    public void onError(TrackedRequest request, InetSocketAddress node, Throwable error, long latencyNanos) {
        if (nodeErrors && node != null && !(error instanceof CancellationException)) {
            owner.nodeError(node, error);
        }
    }

    @Override
    public void onRetryDecision(TrackedRequest request, InetSocketAddress node, Throwable error,
                                RetryDecision decision, int retryCount) {
        Meters m = meters;
        if (m != null && m.retries() != null) {
            Counter counter = m.retries()[decision.type().ordinal()];
            if (counter != null) {
                counter.increment();
            }
        }
    }

    @Override
    public void onSpeculativeExecution(TrackedRequest request, InetSocketAddress node, int execution) {
        Meters m = meters;
        if (m != null && m.speculative() != null) {
            m.speculative().increment();
        }
    }

    /** Forgets the error counters (the session closed and removed them). */
    void clear() {
        meters = null;
        errors.clear();
    }
}
