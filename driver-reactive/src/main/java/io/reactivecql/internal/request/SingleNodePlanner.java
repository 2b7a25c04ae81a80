package io.reactivecql.internal.request;

import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.pool.ConnectionPool;

import java.util.Objects;

/** Every plan is the one pool of the node the session connected to: until discovery lands. */
public final class SingleNodePlanner implements QueryPlanner {

    private final ConnectionPool pool;

    public SingleNodePlanner(ConnectionPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public QueryPlan newPlan(Statement<?> statement, String keyspace) {
        return new QueryPlan() {
            private boolean used;

            @Override
            public ConnectionPool next() {
                if (used) {
                    return null;
                }
                used = true;
                return pool;
            }
        };
    }
}
