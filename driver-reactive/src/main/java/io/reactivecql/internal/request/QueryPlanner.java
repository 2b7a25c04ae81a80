package io.reactivecql.internal.request;

import io.reactivecql.api.statement.Statement;

/**
 * Makes a {@link QueryPlan} per request: the seam where a load-balancing policy plugs in (token
 * awareness from the statement's routing key, datacenter preference, ...). Thread-safe.
 */
public interface QueryPlanner {

    /**
     * A new plan for {@code statement}.
     *
     * @param keyspace the keyspace the statement runs in, or null when unknown
     */
    QueryPlan newPlan(Statement<?> statement, String keyspace);
}
