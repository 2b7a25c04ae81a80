package io.reactivecql.api.policy.throttling;

/**
 * Limits the requests a session has in flight: at most {@code maxConcurrentRequests} at once, up
 * to {@code maxQueueSize} more waiting (in arrival order) for one to finish; beyond that a request
 * fails at once with {@link io.reactivecql.api.errors.RequestThrottlingException}. One request is
 * one page (or one PREPARE), with all its retries and speculative executions. Disabled by default.
 *
 * @param maxConcurrentRequests requests in flight at once, or 0 when throttling is disabled
 * @param maxQueueSize          requests waiting for a slot (0: reject as soon as all are taken)
 */
public record RequestThrottling(int maxConcurrentRequests, int maxQueueSize) {

    private static final RequestThrottling DISABLED = new RequestThrottling(0, 0);

    /** Checks the limits. */
    public RequestThrottling {
        if (maxConcurrentRequests < 0) {
            throw new IllegalArgumentException("maxConcurrentRequests must not be negative, was "
                    + maxConcurrentRequests);
        }
        if (maxQueueSize < 0) {
            throw new IllegalArgumentException("maxQueueSize must not be negative, was " + maxQueueSize);
        }
    }

    /** No throttling (the default). */
    public static RequestThrottling disabled() {
        return DISABLED;
    }

    /** At most {@code maxConcurrentRequests} at once (positive), {@code maxQueueSize} more queued. */
    public static RequestThrottling concurrencyLimit(int maxConcurrentRequests, int maxQueueSize) {
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be positive, was "
                    + maxConcurrentRequests);
        }
        return new RequestThrottling(maxConcurrentRequests, maxQueueSize);
    }

    /** Whether requests are throttled. */
    public boolean isEnabled() {
        return maxConcurrentRequests > 0;
    }
}
