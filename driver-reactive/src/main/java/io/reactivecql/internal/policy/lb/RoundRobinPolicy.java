package io.reactivecql.internal.policy.lb;

import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeDistance;
import io.reactivecql.api.policy.lb.LoadBalancingPolicy;
import io.reactivecql.api.statement.Statement;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;

/** Every UP node in turn, starting one further at each plan; all nodes are LOCAL. */
public final class RoundRobinPolicy implements LoadBalancingPolicy {

    private final AtomicInteger counter = new AtomicInteger();
    private volatile Context context;

    @Override
    public void init(Context ctx) {
        this.context = ctx;
    }

    @Override
    public NodeDistance distance(Node node) {
        return NodeDistance.LOCAL;
    }

    @Override
    public Iterator<Node> newQueryPlan(Statement<?> statement, String keyspace, ByteBuffer routingKey) {
        return Plans.rotating(context.nodes(), counter.getAndIncrement(), Node::isUp);
    }

    @Override
    public String toString() {
        return "RoundRobinPolicy";
    }
}
