package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.NodeTokens;
import io.reactivecql.schema.api.token.Partitioner;
import io.reactivecql.schema.api.token.Token;
import io.reactivecql.schema.api.token.TokenMap;
import io.reactivecql.schema.api.token.TokenRange;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link TokenMap}: a {@link Ring} plus, per keyspace, a table of replica lists indexed by ring
 * index. Tables are computed once per distinct {@link ReplicationStrategy} and shared by the
 * keyspaces (and the later snapshots, see {@link #withKeyspaces}) with equal settings. Immutable.
 * Public only for the API's factory.
 *
 * @param <N> the node type
 */
public final class DefaultTokenMap<N> implements TokenMap<N> {

    private final Ring<N> ring;
    private final Set<N> nodes;
    /** Keyspace to its strategy, and the tables of the strategies in use. */
    private final Map<String, ReplicationStrategy> strategies;
    private final Map<ReplicationStrategy, List<N>[]> tables;
    /** The hot path's one lookup: keyspace to the table of its strategy. */
    private final Map<String, List<N>[]> tablesByKeyspace;

    private DefaultTokenMap(Ring<N> ring, Set<N> nodes, Map<String, ReplicationStrategy> strategies,
            Map<ReplicationStrategy, List<N>[]> previousTables) {
        this.ring = ring;
        this.nodes = nodes;
        this.strategies = strategies;
        Map<ReplicationStrategy, List<N>[]> tables = new HashMap<>();
        Map<String, List<N>[]> byKeyspace = new HashMap<>();
        strategies.forEach((keyspace, strategy) -> {
            List<N>[] table = tables.computeIfAbsent(strategy, s -> {
                List<N>[] reused = previousTables.get(s);
                return reused != null ? reused : s.place(ring);
            });
            byKeyspace.put(keyspace, table);
        });
        this.tables = Collections.unmodifiableMap(tables);
        this.tablesByKeyspace = Collections.unmodifiableMap(byKeyspace);
    }

    /** See {@link TokenMap#build(String, Map, Map, Object)}. */
    public static <N> DefaultTokenMap<N> build(String partitionerClassName, Map<N, NodeTokens> nodes,
            Map<String, Map<String, String>> replicationByKeyspace, N localNode) {
        InternalPartitioner partitioner = Partitioners.internal(partitionerClassName);
        Ring<N> ring = Ring.build(partitioner, nodes, localNode);
        return new DefaultTokenMap<>(ring, ring.nodeSet(), parse(replicationByKeyspace), Map.of());
    }

    private static Map<String, ReplicationStrategy> parse(Map<String, Map<String, String>> replicationByKeyspace) {
        Objects.requireNonNull(replicationByKeyspace, "replicationByKeyspace");
        Map<String, ReplicationStrategy> strategies = new HashMap<>();
        replicationByKeyspace.forEach((keyspace, replication) ->
                strategies.put(keyspace, ReplicationStrategy.parse(keyspace, replication)));
        return Collections.unmodifiableMap(strategies);
    }

    @Override
    public TokenMap<N> withKeyspaces(Map<String, Map<String, String>> replicationByKeyspace) {
        return new DefaultTokenMap<>(ring, nodes, parse(replicationByKeyspace), tables);
    }

    @Override
    public Partitioner partitioner() {
        return ring.partitioner;
    }

    @Override
    public Set<N> nodes() {
        return nodes;
    }

    @Override
    public List<Token> tokens(N node) {
        return ring.tokensByNode.getOrDefault(Objects.requireNonNull(node, "node"), List.of());
    }

    @Override
    public List<TokenRange> tokenRanges() {
        return ring.ranges;
    }

    @Override
    public List<TokenRange> tokenRanges(String keyspace, N replica) {
        Objects.requireNonNull(replica, "replica");
        List<N>[] table = tablesByKeyspace.get(Objects.requireNonNull(keyspace, "keyspace"));
        if (table == null) {
            return List.of();
        }
        List<TokenRange> ranges = new ArrayList<>();
        for (int i = 0; i < table.length; i++) {
            if (table[i].contains(replica)) {
                ranges.add(ring.ranges.get(i));
            }
        }
        return List.copyOf(ranges);
    }

    @Override
    public N owner(Token token) {
        return ring.nodes.get(ring.owners[ring.index.indexOf(Objects.requireNonNull(token, "token"))]);
    }

    @Override
    public List<N> replicas(String keyspace, ByteBuffer routingKey) {
        // hot path: one hash lookup, one hash of the key, one binary search, one array read
        List<N>[] table = tablesByKeyspace.get(Objects.requireNonNull(keyspace, "keyspace"));
        if (table == null) {
            return List.of();
        }
        return table[ring.index.indexOf(Objects.requireNonNull(routingKey, "routingKey"))];
    }

    @Override
    public List<N> replicas(String keyspace, Token token) {
        Objects.requireNonNull(token, "token");
        List<N>[] table = tablesByKeyspace.get(Objects.requireNonNull(keyspace, "keyspace"));
        if (table == null) {
            ring.index.indexOf(token); // still fail fast on a token of another partitioner
            return List.of();
        }
        return table[ring.index.indexOf(token)];
    }

    @Override
    public Set<String> keyspaces() {
        return strategies.keySet();
    }

    @Override
    public String toString() {
        return "TokenMap[" + ring + ", keyspaces " + strategies + "]";
    }
}
