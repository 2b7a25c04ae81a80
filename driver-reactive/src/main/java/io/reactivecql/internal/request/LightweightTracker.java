package io.reactivecql.internal.request;

import io.reactivecql.api.RequestTracker;

/**
 * A tracker that ignores the per-request start, success and error events: with only such a tracker
 * the request handler neither times requests nor adds operators for them, so a session without
 * metrics, observations or request logging pays nothing per request.
 */
public interface LightweightTracker extends RequestTracker {
}
