package io.reactivecql.schema.internal.token;

import io.reactivecql.schema.api.token.NodeRef;
import io.reactivecql.schema.api.token.NodeTokens;
import io.reactivecql.schema.api.token.TokenMap;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replica placement compared with Apache Cassandra 5.0.9's {@code calculateNaturalReplicas}, on the
 * rings of the golden file: SimpleStrategy RF 1/2/3/7 and 3/1, NetworkTopologyStrategy with 2 DCs of
 * 3 racks, RF above the rack count and above the node count, transient RFs, an unknown datacenter, an
 * RF of 0, racks of uneven sizes, a single-rack datacenter, 3 DCs of 16-vnode nodes, and the Random
 * and ByteOrdered partitioners. Every ring token and 40 random keys per keyspace; same replicas, same
 * order (Cassandra's transient replicas are left out, as the token map lists full replicas only).
 */
class CassandraPlacementGoldenTest {

    @Test
    void replicasOfEveryRangeAndKeyAreCassandras() {
        int scenarios = 0;
        int checked = 0;
        Set<String> keyspacesSeen = new LinkedHashSet<>();
        Scenario scenario = null;
        TokenMap<NodeRef> map = null;
        for (String line : GoldenFiles.lines("cassandra-5.0.9-placement.txt")) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "scenario" -> scenario = new Scenario(f[1], f[2]);
                case "node" -> scenario.nodes.put(node(f[1]), new NodeTokens(f[2], f[3], Set.of(f[4].split(","))));
                case "keyspace" -> {
                    Map<String, String> replication = new LinkedHashMap<>();
                    for (int i = 2; i < f.length; i++) {
                        String[] kv = f[i].split("=", 2);
                        replication.put(kv[0], kv[1]);
                    }
                    scenario.keyspaces.put(f[1], replication);
                    map = null; // built on the first lookup, once every keyspace is known
                }
                case "ring", "key" -> {
                    if (map == null) {
                        map = TokenMap.build(scenario.partitioner, scenario.nodes, scenario.keyspaces);
                    }
                    String keyspace = f[1];
                    List<NodeRef> expected = fullReplicas(f[3]);
                    List<NodeRef> actual = f[0].equals("ring")
                            ? map.replicas(keyspace, map.partitioner().parse(f[2]))
                            : map.replicas(keyspace, ByteBuffer.wrap(GoldenFiles.bytes(f[2])));
                    String where = scenario.name + " " + line;
                    assertEquals(expected, actual, where);
                    keyspacesSeen.add(scenario.name + "/" + keyspace);
                    checked++;
                }
                case "end" -> {
                    scenarios++;
                    map = null;
                }
                default -> throw new IllegalStateException("unexpected golden line " + line);
            }
        }
        assertEquals(6, scenarios);
        assertEquals(23, keyspacesSeen.size(), keyspacesSeen::toString);
        assertTrue(checked > 2500, "placements checked: " + checked);
    }

    @Test
    void oneBuildAnswersForEveryKeyspaceAtOnce() {
        // same scenario data, all keyspaces in one map: tables shared by equal settings must not mix
        Map<String, Scenario> scenarios = new HashMap<>();
        Scenario current = null;
        List<String[]> expectations = new ArrayList<>();
        for (String line : GoldenFiles.lines("cassandra-5.0.9-placement.txt")) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "scenario" -> scenarios.put(f[1], current = new Scenario(f[1], f[2]));
                case "node" -> current.nodes.put(node(f[1]), new NodeTokens(f[2], f[3], Set.of(f[4].split(","))));
                case "keyspace" -> {
                    Map<String, String> replication = new LinkedHashMap<>();
                    for (int i = 2; i < f.length; i++) {
                        String[] kv = f[i].split("=", 2);
                        replication.put(kv[0], kv[1]);
                    }
                    current.keyspaces.put(f[1], replication);
                }
                case "ring" -> expectations.add(new String[] {current.name, f[1], f[2], f[3]});
                default -> { }
            }
        }
        Map<String, TokenMap<NodeRef>> maps = new HashMap<>();
        scenarios.forEach((name, s) -> {
            // add a twin of every keyspace: equal settings, one shared table
            Map<String, Map<String, String>> keyspaces = new HashMap<>(s.keyspaces);
            s.keyspaces.forEach((ks, replication) -> keyspaces.put(ks + "_twin", replication));
            maps.put(name, TokenMap.build(s.partitioner, s.nodes, keyspaces));
        });
        for (String[] e : expectations) {
            TokenMap<NodeRef> map = maps.get(e[0]);
            List<NodeRef> replicas = map.replicas(e[1], map.partitioner().parse(e[2]));
            assertEquals(fullReplicas(e[3]), replicas);
            assertSame(replicas, map.replicas(e[1] + "_twin", map.partitioner().parse(e[2])),
                    "keyspaces with equal replication share their precomputed lists");
        }
    }

    private static final class Scenario {
        final String name;
        final String partitioner;
        final Map<NodeRef, NodeTokens> nodes = new LinkedHashMap<>();
        final Map<String, Map<String, String>> keyspaces = new LinkedHashMap<>();

        Scenario(String name, String partitioner) {
            this.name = name;
            this.partitioner = partitioner;
        }
    }

    /** Cassandra's replica list with its transient replicas (marked '~') left out. */
    private static List<NodeRef> fullReplicas(String replicas) {
        List<NodeRef> full = new ArrayList<>();
        if (!replicas.equals("-")) {
            for (String replica : replicas.split(",")) {
                if (!replica.endsWith("~")) {
                    full.add(node(replica));
                }
            }
        }
        return full;
    }

    private static NodeRef node(String ip) {
        try {
            return new NodeRef(new InetSocketAddress(InetAddress.getByName(ip), 9042)); // IP literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
