package io.reactivecql.schema.internal.token;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A keyspace's replication settings, parsed from {@code system_schema.keyspaces.replication}, and
 * the placement of replicas they imply. Strategies are values: two keyspaces with equal settings
 * share one precomputed replica table.
 */
sealed interface ReplicationStrategy
        permits SimpleStrategy, NetworkTopologyStrategy, ReplicationStrategy.LocalStrategy,
        ReplicationStrategy.EverywhereStrategy, ReplicationStrategy.UnsupportedStrategy {

    String LOCATOR_PACKAGE = "org.apache.cassandra.locator.";

    /** The full replicas of each ring index's range, in Cassandra's order (primary first). */
    <N> List<N>[] place(Ring<N> ring);

    /**
     * Parses one keyspace's replication options.
     *
     * @throws IllegalArgumentException when they are malformed, naming the keyspace
     */
    static ReplicationStrategy parse(String keyspace, Map<String, String> replication) {
        Objects.requireNonNull(keyspace, "keyspace");
        if (replication == null) {
            throw new IllegalArgumentException("keyspace " + keyspace + ": replication is null");
        }
        String className = replication.get("class");
        if (className == null) {
            throw new IllegalArgumentException("keyspace " + keyspace + ": replication " + replication
                    + " has no 'class'");
        }
        // Cassandra resolves a bare name in its locator package, and stores the qualified one
        String simpleName = className.startsWith(LOCATOR_PACKAGE)
                ? className.substring(LOCATOR_PACKAGE.length()) : className;
        try {
            return switch (simpleName) {
                case "SimpleStrategy" -> new SimpleStrategy(
                        ReplicationFactor.parse(required(replication, "replication_factor")));
                case "NetworkTopologyStrategy" -> {
                    Map<String, ReplicationFactor> byDatacenter = new LinkedHashMap<>();
                    replication.forEach((key, value) -> {
                        if (!key.equals("class")) {
                            byDatacenter.put(key, parseFor(key, value));
                        }
                    });
                    yield new NetworkTopologyStrategy(byDatacenter);
                }
                case "LocalStrategy" -> LocalStrategy.INSTANCE;
                case "EverywhereStrategy" -> EverywhereStrategy.INSTANCE;
                default -> new UnsupportedStrategy(className);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keyspace " + keyspace + ": " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> replication, String option) {
        String value = replication.get(option);
        if (value == null) {
            throw new IllegalArgumentException("replication " + replication + " has no '" + option + "'");
        }
        return value;
    }

    private static ReplicationFactor parseFor(String datacenter, String value) {
        try {
            return ReplicationFactor.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("datacenter " + datacenter + ": " + e.getMessage(), e);
        }
    }

    /** Data local to each node (system keyspaces): the one replica is the local node, if known. */
    record LocalStrategy() implements ReplicationStrategy {
        static final LocalStrategy INSTANCE = new LocalStrategy();

        @Override
        public <N> List<N>[] place(Ring<N> ring) {
            List<N> replicas = ring.localNode == null ? List.of() : List.of(ring.localNode);
            List<N>[] table = ring.newTable();
            Arrays.fill(table, replicas);
            return table;
        }
    }

    /** Every node holds everything (DSE's EverywhereStrategy): all nodes, in ring order from the range. */
    record EverywhereStrategy() implements ReplicationStrategy {
        static final EverywhereStrategy INSTANCE = new EverywhereStrategy();

        @Override
        public <N> List<N>[] place(Ring<N> ring) {
            return SimpleStrategy.walkDistinct(ring, ring.nodeCount());
        }
    }

    /** A strategy class this driver does not know (a custom one): no replica is known. */
    record UnsupportedStrategy(String className) implements ReplicationStrategy {
        @Override
        public <N> List<N>[] place(Ring<N> ring) {
            List<N>[] table = ring.newTable();
            Arrays.fill(table, List.of());
            return table;
        }
    }
}
