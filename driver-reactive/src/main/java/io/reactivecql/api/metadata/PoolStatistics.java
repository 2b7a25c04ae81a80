package io.reactivecql.api.metadata;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What the session's connections to one node are doing at the moment it was taken: a snapshot,
 * from {@link io.reactivecql.api.ReactiveSession#poolStatistics()}.
 *
 * <p>An <em>orphaned</em> stream id belongs to a request that was cancelled, or timed out, after it
 * was written: the node will still answer it, so its id stays taken (and counts as in flight) until
 * that late answer comes, which is then dropped, never delivered to anyone. Many orphans on a node
 * mean it answers slowly or not at all; the load-balancing policy's busy-node rule sees them through
 * {@link #inFlight()}.
 *
 * @param node              the node's address
 * @param openConnections   connections open now
 * @param inFlight          requests written to the open connections and not answered yet, orphans included
 * @param queued            requests waiting in the open connections' queues to be written (no stream id
 *                          free, or the connection is holding back after OVERLOADED answers)
 * @param orphanedStreamIds stream ids held by cancelled or timed-out requests whose answer has not come
 * @param orphanedAnswers   late answers dropped so far, on the pool's current connections
 */
public record PoolStatistics(InetSocketAddress node, int openConnections, int inFlight, int queued,
                             int orphanedStreamIds, long orphanedAnswers) {

    public PoolStatistics {
        Objects.requireNonNull(node, "node");
    }
}
