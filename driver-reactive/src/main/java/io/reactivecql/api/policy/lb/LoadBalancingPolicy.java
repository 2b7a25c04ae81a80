package io.reactivecql.api.policy.lb;

import io.reactivecql.api.metadata.Node;
import io.reactivecql.api.metadata.NodeDistance;
import io.reactivecql.api.routing.ReplicaLocator;
import io.reactivecql.api.statement.Statement;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;

/**
 * Decides which nodes get a request, and in which order. The session calls {@link #init} once,
 * before its pools open, then {@link #distance} for every node (to size its pool; called again
 * when nodes are added) and {@link #newQueryPlan} for every request.
 *
 * <p>Query plans must be lazy: the request path usually takes only the first node, so a plan
 * should not order the whole cluster up front. Plans may name nodes that are down: the session
 * skips nodes without an open connection. Every method is called on driver threads, concurrently:
 * thread-safe and non-blocking.
 *
 * <p>A policy instance serves one session ({@link #init} binds it).
 */
public interface LoadBalancingPolicy {

    /** Binds the policy to a session's view of the cluster. */
    void init(Context context);

    /** How far the node is; {@link NodeDistance#IGNORED} nodes get no connection. */
    NodeDistance distance(Node node);

    /**
     * The nodes to try for one request, best first; may be infinite-free but must be lazy.
     *
     * @param statement  the statement
     * @param keyspace   the keyspace it runs in, or null when unknown
     * @param routingKey its routing key (see {@link ReplicaLocator#replicas}), or null when it has none
     */
    Iterator<Node> newQueryPlan(Statement<?> statement, String keyspace, ByteBuffer routingKey);

    /** What a policy can see of the session. Thread-safe; every call reads current state. */
    interface Context {

        /** The current snapshot of every known node (all states). */
        List<Node> nodes();

        /** The nodes the contact points turned out to be (to infer a local datacenter). */
        List<Node> contactNodes();

        /** The datacenter given to {@code SessionBuilder.withLocalDatacenter}, or null. */
        String localDatacenter();

        /** The current replica locator ({@link ReplicaLocator#NONE} until one is plugged in). */
        ReplicaLocator replicaLocator();

        /** Requests in flight on the session's connections to {@code node} (0 when it has none). */
        int inFlight(Node node);

        /**
         * How long, in nanoseconds, requests to {@code node} have been waiting while nothing was read
         * from it (0 when none is in flight): a node that stopped answering (paused, overloaded,
         * partitioned away) shows here long before its requests time out.
         */
        default long unansweredNanos(Node node) {
            return 0;
        }
    }
}
