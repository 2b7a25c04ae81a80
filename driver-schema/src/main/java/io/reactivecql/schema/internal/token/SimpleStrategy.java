package io.reactivecql.schema.internal.token;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cassandra's SimpleStrategy: walking the ring clockwise from the range's token, the first
 * {@code allReplicas} distinct nodes, of which the first {@code fullReplicas} are full; racks and
 * datacenters play no part.
 */
record SimpleStrategy(ReplicationFactor replicationFactor) implements ReplicationStrategy {

    @Override
    public <N> List<N>[] place(Ring<N> ring) {
        // Cassandra marks the first fullReplicas nodes met as full: walking only that far is the same
        return walkDistinct(ring, replicationFactor.fullReplicas());
    }

    /** For each ring index, the first {@code wanted} distinct nodes met walking clockwise from it. */
    static <N> List<N>[] walkDistinct(Ring<N> ring, int wanted) {
        int size = ring.size();
        int count = Math.min(wanted, ring.nodeCount());
        List<N>[] table = ring.newTable();
        Map<List<N>, List<N>> canonical = new HashMap<>();
        int[] found = new int[count];
        boolean[] seen = new boolean[ring.nodeCount()];
        for (int start = 0; start < size; start++) {
            int n = 0;
            for (int step = 0; step < size && n < count; step++) {
                int node = ring.ownerAt(start + step);
                if (!seen[node]) {
                    seen[node] = true;
                    found[n++] = node;
                }
            }
            for (int i = 0; i < n; i++) {
                seen[found[i]] = false;
            }
            table[start] = ring.replicaList(found, n, canonical);
        }
        return table;
    }
}
