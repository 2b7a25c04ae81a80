package io.reactivecql.internal.request;

import io.reactivecql.api.RequestTracker;

/**
 * A tracked request with one slot for the driver's own instrumentation (the request's
 * observation), so that it needs no map from request to state.
 */
public interface InstrumentedRequest extends RequestTracker.TrackedRequest {

    /** What {@link #attach} stored, or null. */
    Object attachment();

    void attach(Object value);
}
