package io.reactivecql.schema.internal.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cassandra's NetworkTopologyStrategy, as its {@code calculateNaturalReplicas} places replicas
 * (Cassandra 4.0 to 5.0): one walk of the ring clockwise from the range's token, where each
 * datacenter takes the nodes it meets until it has its replication factor:
 * <ul>
 *   <li>a node of a rack not yet used is always taken;</li>
 *   <li>a node of an already used rack is taken only while the datacenter may still repeat racks:
 *       {@code rf - rackCount} times (so every rack gets one replica first when there are enough,
 *       and the first nodes met fill the rest when there are fewer racks than the RF);</li>
 *   <li>a datacenter with fewer nodes than its RF stops at all of them;</li>
 *   <li>datacenters with RF 0, or that no node on the ring is in, are ignored.</li>
 * </ul>
 * With transient replication, the datacenter's first {@code rfLeft > transients} takes are full
 * (its transient count shrinks by how many replicas the datacenter lacks); only full replicas are
 * kept. A node whose datacenter is unknown (null) is never taken; nodes of unknown (null) rack count
 * as one rack.
 *
 * @param replicationFactors per datacenter
 */
record NetworkTopologyStrategy(Map<String, ReplicationFactor> replicationFactors) implements ReplicationStrategy {

    NetworkTopologyStrategy {
        replicationFactors = Map.copyOf(replicationFactors);
    }

    @Override
    public <N> List<N>[] place(Ring<N> ring) {
        int nodeCount = ring.nodeCount();
        // number the datacenters that take part, and the (datacenter, rack) pairs
        Map<String, Integer> dcIndexes = new HashMap<>();
        List<ReplicationFactor> dcFactors = new ArrayList<>();
        Map<List<String>, Integer> rackIndexes = new HashMap<>();
        int[] dcOfNode = new int[nodeCount];
        int[] rackOfNode = new int[nodeCount];
        for (int node = 0; node < nodeCount; node++) {
            String dc = ring.datacenters[node];
            ReplicationFactor rf = dc == null ? null : replicationFactors.get(dc);
            if (rf == null || rf.allReplicas() <= 0) {
                dcOfNode[node] = -1;
                continue;
            }
            dcOfNode[node] = dcIndexes.computeIfAbsent(dc, d -> {
                dcFactors.add(rf);
                return dcFactors.size() - 1;
            });
            rackOfNode[node] = rackIndexes.computeIfAbsent(Arrays.asList(dc, ring.racks[node]),
                    r -> rackIndexes.size());
        }
        int dcCount = dcFactors.size();
        int[] nodesInDc = new int[dcCount];
        boolean[] rackCounted = new boolean[rackIndexes.size()];
        int[] racksInDc = new int[dcCount];
        for (int node = 0; node < nodeCount; node++) {
            int dc = dcOfNode[node];
            if (dc >= 0) {
                nodesInDc[dc]++;
                if (!rackCounted[rackOfNode[node]]) {
                    rackCounted[rackOfNode[node]] = true;
                    racksInDc[dc]++;
                }
            }
        }
        // Cassandra's DatacenterEndpoints, initial state per datacenter
        int[] initialRfLeft = new int[dcCount];
        int[] initialRackRepeats = new int[dcCount];
        int[] initialTransients = new int[dcCount];
        int wanted = 0;
        for (int dc = 0; dc < dcCount; dc++) {
            ReplicationFactor rf = dcFactors.get(dc);
            initialRfLeft[dc] = Math.min(rf.allReplicas(), nodesInDc[dc]);
            initialRackRepeats[dc] = rf.allReplicas() - racksInDc[dc];
            int missing = rf.allReplicas() - initialRfLeft[dc];
            initialTransients[dc] = Math.max(rf.transientReplicas() - missing, 0);
            wanted += initialRfLeft[dc];
        }

        List<N>[] table = ring.newTable();
        Map<List<N>, List<N>> canonical = new HashMap<>();
        int[] rfLeft = new int[dcCount];
        int[] rackRepeats = new int[dcCount];
        int[] taken = new int[wanted];          // every node taken, to reset the marks
        int[] full = new int[wanted];           // the full replicas, in order
        boolean[] nodeTaken = new boolean[nodeCount];
        boolean[] rackUsed = new boolean[rackIndexes.size()];
        int size = ring.size();
        for (int start = 0; start < size; start++) {
            System.arraycopy(initialRfLeft, 0, rfLeft, 0, dcCount);
            System.arraycopy(initialRackRepeats, 0, rackRepeats, 0, dcCount);
            int dcsToFill = 0;
            for (int dc = 0; dc < dcCount; dc++) {
                if (rfLeft[dc] > 0) {
                    dcsToFill++;
                }
            }
            int takenCount = 0;
            int fullCount = 0;
            for (int step = 0; step < size && dcsToFill > 0; step++) {
                int node = ring.ownerAt(start + step);
                int dc = dcOfNode[node];
                if (dc < 0 || rfLeft[dc] == 0 || nodeTaken[node]) {
                    continue; // not replicated here, datacenter done, or node already a replica
                }
                boolean isFull = rfLeft[dc] > initialTransients[dc];
                int rack = rackOfNode[node];
                if (rackUsed[rack]) {
                    if (rackRepeats[dc] <= 0) {
                        continue; // the remaining replicas must go to racks not used yet
                    }
                    rackRepeats[dc]--;
                } else {
                    rackUsed[rack] = true;
                }
                nodeTaken[node] = true;
                taken[takenCount++] = node;
                if (isFull) {
                    full[fullCount++] = node;
                }
                if (--rfLeft[dc] == 0) {
                    dcsToFill--;
                }
            }
            for (int i = 0; i < takenCount; i++) {
                nodeTaken[taken[i]] = false;
                rackUsed[rackOfNode[taken[i]]] = false;
            }
            table[start] = ring.replicaList(full, fullCount, canonical);
        }
        return table;
    }

    @Override
    public String toString() {
        return "NetworkTopologyStrategy" + Objects.toString(replicationFactors);
    }
}
