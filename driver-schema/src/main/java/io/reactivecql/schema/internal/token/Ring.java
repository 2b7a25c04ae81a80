package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.NodeTokens;
import io.reactivecql.schema.api.token.Token;
import io.reactivecql.schema.api.token.TokenRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The sorted ring: every token with the index of its owner, and the owners' datacenters and racks.
 * Ring index {@code i} stands for the range {@code (token[i-1], token[i]]}, whose replicas Cassandra
 * computes by walking the ring from {@code i}. Nodes are numbered in order of first appearance on
 * the ring. Immutable.
 *
 * @param <N> the node type
 */
final class Ring<N> {

    final InternalPartitioner partitioner;
    final RingIndex index;
    /** Ascending, distinct. */
    final Token[] tokens;
    /** Ring index to node index. */
    final int[] owners;
    /** Node index to node, datacenter (nullable), rack (nullable). */
    final List<N> nodes;
    final String[] datacenters;
    final String[] racks;
    /** The node LocalStrategy resolves to, or null. */
    final N localNode;
    final List<TokenRange> ranges;
    final Map<N, List<Token>> tokensByNode;

    private Ring(InternalPartitioner partitioner, Token[] tokens, int[] owners, List<N> nodes,
            String[] datacenters, String[] racks, N localNode) {
        this.partitioner = partitioner;
        this.index = partitioner.ringIndex(tokens);
        this.tokens = tokens;
        this.owners = owners;
        this.nodes = nodes;
        this.datacenters = datacenters;
        this.racks = racks;
        this.localNode = localNode;
        this.ranges = ranges(tokens);
        this.tokensByNode = tokensByNode(tokens, owners, nodes);
    }

    /** See {@link io.reactivecql.schema.api.token.TokenMap#build} for the failures. */
    static <N> Ring<N> build(InternalPartitioner partitioner, Map<N, NodeTokens> nodeTokens, N localNode) {
        Objects.requireNonNull(nodeTokens, "nodes");
        if (localNode != null && !nodeTokens.containsKey(localNode)) {
            throw new IllegalArgumentException("localNode " + localNode + " is not one of the nodes");
        }
        record Entry<N>(Token token, N node) {}
        List<Entry<N>> entries = new ArrayList<>();
        for (Map.Entry<N, NodeTokens> e : nodeTokens.entrySet()) {
            N node = Objects.requireNonNull(e.getKey(), "nodes has a null node");
            NodeTokens info = Objects.requireNonNull(e.getValue(), () -> "nodes[" + node + "] is null");
            for (String token : info.tokens()) {
                try {
                    entries.add(new Entry<>(partitioner.parse(token), node));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("node " + node + ": " + ex.getMessage(), ex);
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no node has a token: a token map needs at least one");
        }
        entries.sort(Comparator.comparing(Entry::token));

        int size = entries.size();
        Token[] tokens = new Token[size];
        int[] owners = new int[size];
        Map<N, Integer> nodeIndexes = new HashMap<>();
        List<N> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Entry<N> entry = entries.get(i);
            if (i > 0 && entry.token().equals(tokens[i - 1])) {
                throw new IllegalArgumentException("token " + entry.token() + " is claimed by both "
                        + entries.get(i - 1).node() + " and " + entry.node());
            }
            tokens[i] = entry.token();
            owners[i] = nodeIndexes.computeIfAbsent(entry.node(), n -> {
                nodes.add(n);
                return nodes.size() - 1;
            });
        }
        String[] datacenters = new String[nodes.size()];
        String[] racks = new String[nodes.size()];
        for (int n = 0; n < nodes.size(); n++) {
            NodeTokens info = nodeTokens.get(nodes.get(n));
            datacenters[n] = info.datacenter();
            racks[n] = info.rack();
        }
        return new Ring<>(partitioner, tokens, owners, Collections.unmodifiableList(nodes),
                datacenters, racks, localNode);
    }

    int size() {
        return tokens.length;
    }

    int nodeCount() {
        return nodes.size();
    }

    /** The owner's node index of ring index {@code i}, taken modulo the ring size. */
    int ownerAt(int i) {
        return owners[i % owners.length];
    }

    /** An empty table of replica lists, one per ring index. */
    @SuppressWarnings("unchecked")
    List<N>[] newTable() {
        return (List<N>[]) new List<?>[tokens.length];
    }

    /**
     * The immutable list of the nodes {@code nodeIndexes[0, count)}; equal lists are shared through
     * {@code canonical}, so a table holds only as many lists as there are distinct replica sets.
     */
    List<N> replicaList(int[] nodeIndexes, int count, Map<List<N>, List<N>> canonical) {
        Object[] replicas = new Object[count];
        for (int i = 0; i < count; i++) {
            replicas[i] = nodes.get(nodeIndexes[i]);
        }
        @SuppressWarnings("unchecked")
        List<N> list = (List<N>) List.of(replicas);
        return canonical.computeIfAbsent(list, l -> l);
    }

    private static List<TokenRange> ranges(Token[] tokens) {
        TokenRange[] ranges = new TokenRange[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            ranges[i] = new TokenRange(tokens[i == 0 ? tokens.length - 1 : i - 1], tokens[i]);
        }
        return List.of(ranges);
    }

    private static <N> Map<N, List<Token>> tokensByNode(Token[] tokens, int[] owners, List<N> nodes) {
        List<List<Token>> byIndex = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            byIndex.add(new ArrayList<>());
        }
        for (int i = 0; i < tokens.length; i++) {
            byIndex.get(owners[i]).add(tokens[i]); // ring order, so each list is sorted
        }
        Map<N, List<Token>> byNode = new LinkedHashMap<>();
        for (int n = 0; n < nodes.size(); n++) {
            byNode.put(nodes.get(n), List.copyOf(byIndex.get(n)));
        }
        return Collections.unmodifiableMap(byNode);
    }

    Set<N> nodeSet() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(nodes));
    }

    @Override
    public String toString() {
        return "Ring[" + partitioner + ", " + tokens.length + " tokens, " + nodes.size() + " nodes, "
                + Arrays.toString(Arrays.copyOf(tokens, Math.min(tokens.length, 4))) + "...]";
    }
}
