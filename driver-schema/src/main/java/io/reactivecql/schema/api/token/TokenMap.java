package io.reactivecql.schema.api.token;

import io.reactivecql.schema.internal.token.DefaultTokenMap;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of the ring and of where each keyspace's replicas live, for token-aware
 * routing.
 *
 * <p>Built from each node's tokens, datacenter and rack and from the keyspaces' replication
 * settings (as in {@code system_schema.keyspaces.replication}); replicas are placed exactly as
 * Apache Cassandra places them: SimpleStrategy, NetworkTopologyStrategy (racks first, then the
 * first nodes met of already used racks), LocalStrategy and EverywhereStrategy. The replicas of
 * every token range are computed once per distinct replication setting, so
 * {@link #replicas(String, ByteBuffer)} is a hash, a binary search and an array read, and returns
 * a precomputed list without allocating.
 *
 * <p>Replica lists are in Cassandra's order, the range's primary owner first. With transient
 * replication ({@code "3/1"}) only the full replicas are listed: transient ones do not hold all the
 * data. An unknown keyspace, or one whose strategy is not supported (a custom class), has no
 * replicas: the lookups return an empty list.
 *
 * <p>Thread-safety: immutable, so safe to share and read from any thread without synchronization.
 * Topology or schema changes produce a new snapshot ({@link #build(String, Map, Map, Object)}
 * again, or {@link #withKeyspaces} when only keyspaces changed). Building is plain CPU work that
 * grows with tokens times replicas (a few hundred milliseconds for 100 nodes of 256 vnodes): do it
 * off event-loop threads.
 *
 * @param <N> the node type: anything with a value-based {@code equals}/{@code hashCode}, such as the
 *     cluster layer's node objects or {@link NodeRef}
 */
public interface TokenMap<N> {

    /**
     * Builds a token map with no local node: LocalStrategy keyspaces then have no replicas.
     *
     * @see #build(String, Map, Map, Object)
     */
    static <N> TokenMap<N> build(String partitionerClassName, Map<N, NodeTokens> nodes,
            Map<String, Map<String, String>> replicationByKeyspace) {
        return DefaultTokenMap.build(partitionerClassName, nodes, replicationByKeyspace, null);
    }

    /**
     * Builds a token map.
     *
     * @param partitionerClassName the partitioner, as in {@code system.local.partitioner} (see
     *     {@link Partitioner#forClassName})
     * @param nodes every known node with its datacenter, rack and tokens; nodes without tokens are
     *     left off the ring
     * @param replicationByKeyspace each keyspace's replication options, with the strategy under
     *     {@code "class"} ({@code org.apache.cassandra.locator.SimpleStrategy} or its simple name, ...)
     * @param localNode the node LocalStrategy keyspaces resolve to (the node the control connection
     *     reads {@code system.local} from), or {@code null} for none; must be a key of {@code nodes}
     * @throws IllegalArgumentException when the partitioner is unknown, a token does not parse, two
     *     nodes claim the same token, no node has a token, {@code localNode} is not in {@code nodes},
     *     or a keyspace's replication options are malformed (no {@code class}, a replication factor
     *     that is not {@code N} or {@code N/T}); each message names the culprit
     */
    static <N> TokenMap<N> build(String partitionerClassName, Map<N, NodeTokens> nodes,
            Map<String, Map<String, String>> replicationByKeyspace, N localNode) {
        return DefaultTokenMap.build(partitionerClassName, nodes, replicationByKeyspace, localNode);
    }

    /** The cluster's partitioner. */
    Partitioner partitioner();

    /** The nodes on the ring: those that own at least one token. */
    Set<N> nodes();

    /** The tokens a node owns, sorted; empty for a node not on the ring. */
    List<Token> tokens(N node);

    /**
     * The ring's ranges, one per token, sorted by end token: the first one wraps around (it starts
     * at the largest token). A single-token ring has one full-ring range.
     */
    List<TokenRange> tokenRanges();

    /**
     * The ranges a node holds a full replica of in a keyspace, in ring order; empty for an unknown
     * keyspace.
     */
    List<TokenRange> tokenRanges(String keyspace, N replica);

    /** The node owning {@code token}: the owner of the first ring token at or after it, wrapping. */
    N owner(Token token);

    /**
     * The replicas of the partition whose routing key is {@code routingKey} (see {@link RoutingKeys};
     * the buffer is left untouched). Hot path: no allocation beyond the partitioner's hash (none for
     * Murmur3); the returned list is precomputed, immutable and shared.
     *
     * @return the full replicas in Cassandra's order, primary first; empty for an unknown keyspace
     */
    List<N> replicas(String keyspace, ByteBuffer routingKey);

    /**
     * The replicas of the range {@code token} falls in.
     *
     * @return the full replicas in Cassandra's order, primary first; empty for an unknown keyspace
     * @throws IllegalArgumentException when {@code token} comes from another partitioner
     */
    List<N> replicas(String keyspace, Token token);

    /** The keyspaces this map knows the replication of. */
    Set<String> keyspaces();

    /**
     * A token map with the same ring and these keyspaces instead, reusing the replica tables already
     * computed for identical replication settings; for schema changes that leave the ring as it is.
     *
     * @throws IllegalArgumentException when a keyspace's replication options are malformed
     */
    TokenMap<N> withKeyspaces(Map<String, Map<String, String>> replicationByKeyspace);
}
