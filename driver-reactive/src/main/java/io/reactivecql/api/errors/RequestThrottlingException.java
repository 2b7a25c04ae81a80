package io.reactivecql.api.errors;

/**
 * The session's request throttler refused a request: the maximum of concurrent requests was
 * reached and its queue was full. Nothing was sent; slow down, or raise the limits of
 * {@link io.reactivecql.api.policy.throttling.RequestThrottling}.
 */
public class RequestThrottlingException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final int maxConcurrentRequests;
    private final int maxQueueSize;

    public RequestThrottlingException(int maxConcurrentRequests, int maxQueueSize) {
        super("request throttled: the limit of " + maxConcurrentRequests + " concurrent requests "
                + "(maxConcurrentRequests) is reached and the queue of " + maxQueueSize
                + " waiting requests (maxQueueSize) is full");
        this.maxConcurrentRequests = maxConcurrentRequests;
        this.maxQueueSize = maxQueueSize;
    }

    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public int maxQueueSize() {
        return maxQueueSize;
    }
}
