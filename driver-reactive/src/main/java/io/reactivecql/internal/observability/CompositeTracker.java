package io.reactivecql.internal.observability;

import io.reactivecql.api.RequestTracker;
import io.reactivecql.api.policy.retry.RetryDecision;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.request.LightweightTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands every event to several trackers in order. A tracker that throws does not fail the request
 * nor stop the others: its first failure is logged at WARN, later ones at DEBUG.
 */
class CompositeTracker implements RequestTracker {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeTracker.class);

    private final RequestTracker[] trackers;
    private final AtomicBoolean warned = new AtomicBoolean();

    CompositeTracker(List<RequestTracker> trackers) {
        this.trackers = trackers.toArray(new RequestTracker[0]);
    }

    /**
     * The trackers as one: null for none, lightweight (no per-request timing needed) when all of
     * them are.
     */
    static RequestTracker of(List<RequestTracker> trackers) {
        if (trackers.isEmpty()) {
            return null;
        }
        for (RequestTracker t : trackers) {
            if (!(t instanceof LightweightTracker)) {
                return new CompositeTracker(trackers);
            }
        }
        return new Lightweight(trackers);
    }

    /** A composite of lightweight trackers is one. */
    static final class Lightweight extends CompositeTracker implements LightweightTracker {
        Lightweight(List<RequestTracker> trackers) {
            super(trackers);
        }
    }

    private void failed(RequestTracker tracker, RuntimeException e) {
        if (warned.compareAndSet(false, true)) {
            LOG.warn("request tracker {} failed; the request goes on (later failures are logged at DEBUG)",
                    tracker, e);
        } else {
            LOG.debug("request tracker {} failed", tracker, e);
        }
    }

    @Override
    public void onRequestStart(TrackedRequest request) {
        for (RequestTracker t : trackers) {
            try {
                t.onRequestStart(request);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    @Override
    public void onRequestSuccess(TrackedRequest request, InetSocketAddress coordinator, long latencyNanos) {
        for (RequestTracker t : trackers) {
            try {
                t.onRequestSuccess(request, coordinator, latencyNanos);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    @Override
    public void onRequestError(TrackedRequest request, InetSocketAddress node, Throwable error, long latencyNanos) {
        for (RequestTracker t : trackers) {
            try {
                t.onRequestError(request, node, error, latencyNanos);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    @Override
    public void onServerWarnings(TrackedRequest request, InetSocketAddress coordinator, List<String> warnings) {
        for (RequestTracker t : trackers) {
            try {
                t.onServerWarnings(request, coordinator, warnings);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    @Override
    public void onRequestSent(TrackedRequest request, InetSocketAddress node) {
        for (RequestTracker t : trackers) {
            try {
                t.onRequestSent(request, node);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    @Override
    public void onSuccess(TrackedRequest request, InetSocketAddress node, long latencyNanos) {
        for (RequestTracker t : trackers) {
            try {
                t.onSuccess(request, node, latencyNanos);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    @Override
    public void onError(TrackedRequest request, InetSocketAddress node, Throwable error, long latencyNanos) {
        for (RequestTracker t : trackers) {
            try {
                t.onError(request, node, error, latencyNanos);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    @Override
    public void onRetryDecision(TrackedRequest request, InetSocketAddress node, Throwable error,
                                RetryDecision decision, int retryCount) {
        for (RequestTracker t : trackers) {
            try {
                t.onRetryDecision(request, node, error, decision, retryCount);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    @Override
    public void onSpeculativeExecution(TrackedRequest request, InetSocketAddress node, int execution) {
        for (RequestTracker t : trackers) {
            try {
                t.onSpeculativeExecution(request, node, execution);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    // the original per-node methods, for callers that still use them

    @Override
    public void onRequestSent(Kind kind, Statement<?> statement, InetSocketAddress node, int page) {
        for (RequestTracker t : trackers) {
            try {
                t.onRequestSent(kind, statement, node, page);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    @Override
    public void onSuccess(Kind kind, Statement<?> statement, InetSocketAddress node, long latencyNanos) {
        for (RequestTracker t : trackers) {
            try {
                t.onSuccess(kind, statement, node, latencyNanos);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    @Override
    public void onError(Kind kind, Statement<?> statement, InetSocketAddress node, Throwable error,
                        long latencyNanos) {
        for (RequestTracker t : trackers) {
            try {
                t.onError(kind, statement, node, error, latencyNanos);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    @Override
    public void onRetryDecision(Kind kind, Statement<?> statement, InetSocketAddress node, Throwable error,
                                RetryDecision decision, int retryCount) {
        for (RequestTracker t : trackers) {
            try {
                t.onRetryDecision(kind, statement, node, error, decision, retryCount);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }

    @Override
    public void onSpeculativeExecution(Kind kind, Statement<?> statement, InetSocketAddress node, int execution) {
        for (RequestTracker t : trackers) {
            try {
                t.onSpeculativeExecution(kind, statement, node, execution);
            } catch (RuntimeException e) {
                failed(t, e);
            }
        }
    }
}
