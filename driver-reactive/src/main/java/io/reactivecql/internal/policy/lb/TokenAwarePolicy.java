package io.reactivecql.internal.policy.lb;

import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeDistance;
import io.reactivecql.api.policy.lb.LoadBalancingPolicy;
import io.reactivecql.api.statement.Statement;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replicas first: for a statement with a routing key and a keyspace, the replicas the session's
 * locator names that the child ranks LOCAL and that are UP, rotated so that load spreads over them;
 * replicas with {@code busyThreshold} or more requests in flight, or whose requests got no answer
 * for {@link #SLOW_NANOS} (a node that stopped answering), go after the others (busy-node
 * avoidance). Then the child's plan, without the replicas already given, its slow nodes moved to
 * its end. Without a routing key, the child's plan with its slow nodes moved to its end.
 */
public final class TokenAwarePolicy implements LoadBalancingPolicy {

    /** A node whose requests got no answer for this long is moved back (it may have stopped answering). */
    static final long SLOW_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500);

    private final LoadBalancingPolicy child;
    private final int busyThreshold;
    private final AtomicInteger counter = new AtomicInteger();
    /** {@link #isSlow} as a predicate, made once rather than per plan. */
    private final java.util.function.Predicate<Node> slow = this::isSlow;
    private volatile Context context;

    public TokenAwarePolicy(LoadBalancingPolicy child, int busyThreshold) {
        if (busyThreshold < 1) {
            throw new IllegalArgumentException("busyThreshold must be positive, was " + busyThreshold);
        }
        this.child = child;
        this.busyThreshold = busyThreshold;
    }

    @Override
    public void init(Context ctx) {
        this.context = ctx;
        child.init(ctx);
    }

    @Override
    public NodeDistance distance(Node node) {
        return child.distance(node);
    }

    @Override
    public Iterator<Node> newQueryPlan(Statement<?> statement, String keyspace, ByteBuffer routingKey) {
        if (routingKey == null || keyspace == null) {
            return Plans.deprioritizing(child.newQueryPlan(statement, keyspace, routingKey), slow);
        }
        List<Node> replicas = context.replicaLocator().replicas(keyspace, routingKey.duplicate());
        if (replicas.isEmpty()) {
            return Plans.deprioritizing(child.newQueryPlan(statement, keyspace, routingKey), slow);
        }
        // replicas are few (the replication factor): ordering them is cheap
        List<Node> current = currentSnapshots(replicas);
        List<Node> ready = new ArrayList<>(current.size());
        List<Node> busy = new ArrayList<>(2);
        int start = counter.getAndIncrement();
        int size = current.size();
        for (int i = 0; i < size; i++) {
            Node n = current.get(Math.floorMod(start + i, size));
            if (!n.isUp() || child.distance(n) != NodeDistance.LOCAL) {
                continue;
            }
            (context.inFlight(n) >= busyThreshold || isSlow(n) ? busy : ready).add(n);
        }
        ready.addAll(busy);
        List<Node> first = ready;
        return Plans.concat(first.iterator(), () -> Plans.deprioritizing(new Plans.Filtering(
                child.newQueryPlan(statement, keyspace, routingKey), n -> !first.contains(n)), this::isSlow));
    }

    /** Requests to {@code n} have waited long with no answer from it. */
    private boolean isSlow(Node n) {
        return context.unansweredNanos(n) > SLOW_NANOS;
    }

    /** The locator's nodes may be older snapshots: look up their current state. */
    private List<Node> currentSnapshots(List<Node> replicas) {
        List<Node> all = context.nodes();
        List<Node> result = new ArrayList<>(replicas.size());
        for (Node r : replicas) {
            int i = all.indexOf(r);
            if (i >= 0) {
                result.add(all.get(i));
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "TokenAwarePolicy[" + child + ", busyThreshold=" + busyThreshold + "]";
    }
}
