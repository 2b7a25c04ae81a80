package io.reactivecql.internal.request;

import io.reactivecql.internal.pool.ConnectionPool;

/**
 * The nodes to try for one request, in order, computed lazily: a load-balancing policy can return
 * the first node without ordering the rest. Used by one request at a time (not thread-safe).
 */
public interface QueryPlan {

    /** The next node's pool, or null when the plan is exhausted. */
    ConnectionPool next();
}
