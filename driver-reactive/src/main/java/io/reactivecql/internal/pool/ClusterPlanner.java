package io.reactivecql.internal.pool;

import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.policy.lb.LoadBalancingPolicy;
import io.reactivecql.api.statement.Statement;
import io.reactivecql.internal.policy.lb.RoutingKeys;
import io.reactivecql.internal.request.QueryPlan;
import io.reactivecql.internal.request.QueryPlanner;

import java.nio.ByteBuffer;
import java.util.Iterator;

/**
 * Query plans from a {@link LoadBalancingPolicy}: the policy's nodes, lazily, mapped to their open
 * pools; nodes without one (down, reconnecting, ignored) are skipped. A bound statement's keyspace
 * is its table's, and its routing key comes from its partition-key values.
 */
public final class ClusterPlanner implements QueryPlanner {

    private final LoadBalancingPolicy policy;
    private final PoolManager pools;

    public ClusterPlanner(LoadBalancingPolicy policy, PoolManager pools) {
        this.policy = policy;
        this.pools = pools;
    }

    @Override
    public QueryPlan newPlan(Statement<?> statement, String keyspace) {
        String tableKeyspace = RoutingKeys.keyspaceOf(statement);
        ByteBuffer routingKey = RoutingKeys.of(statement);
        Iterator<Node> nodes = policy.newQueryPlan(statement, tableKeyspace != null ? tableKeyspace : keyspace,
                routingKey);
        return () -> {
            while (nodes.hasNext()) {
                ConnectionPool pool = pools.pool(nodes.next().endpoint());
                if (pool != null) {
                    return pool;
                }
            }
            return null;
        };
    }
}
