package io.reactivecql.schema.internal.token;

import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.internal.core.metadata.token.EverywhereReplicationStrategy;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3TokenFactory;
import com.datastax.oss.driver.internal.core.metadata.token.RandomTokenFactory;
import com.datastax.oss.driver.internal.core.metadata.token.ReplicationStrategy;

import io.reactivecql.schema.api.token.NodeTokens;
import io.reactivecql.schema.api.token.Partitioner;
import io.reactivecql.schema.api.token.TokenMap;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-checks against the Apache Cassandra Java driver 4.19.3, on random keys and random rings
 * (1 to 3 datacenters, 1 to 4 racks, 1 to 8 nodes per datacenter, 1 to 32 vnodes per node).
 *
 * <p>The Java driver still places NetworkTopologyStrategy replicas with Cassandra's pre-4.0
 * formulation (skip rack repeats until every rack is used, then add the skipped nodes), which picks
 * the same nodes in another order: NTS is compared as sets, SimpleStrategy in order (its order is
 * checked against Cassandra itself by {@link CassandraPlacementGoldenTest}). Transient RFs are left
 * out: the Java driver uses the full count as the RF, Cassandra does not (see the golden test).
 */
class JavaDriverCrossCheckTest {

    private static final long SEED = 0x5eed_70ce_4a11L;

    @Test
    void murmur3AndRandomTokensMatchTheJavaDriverOnRandomKeys() {
        Murmur3TokenFactory murmur3 = new Murmur3TokenFactory();
        RandomTokenFactory random = new RandomTokenFactory();
        Partitioner randomPartitioner = Partitioner.forClassName(Partitioner.RANDOM);
        Random rnd = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            byte[] key = new byte[1 + rnd.nextInt(i % 10 == 0 ? 1000 : 40)];
            rnd.nextBytes(key);
            long expected = ((com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token)
                    murmur3.hash(ByteBuffer.wrap(key))).getValue();
            assertEquals(expected, Murmur3Partitioner.tokenValue(ByteBuffer.wrap(key)));
            if (i % 4 == 0) {
                var expectedRandom = ((com.datastax.oss.driver.internal.core.metadata.token.RandomToken)
                        random.hash(ByteBuffer.wrap(key))).getValue();
                assertEquals(expectedRandom, ((RandomToken) randomPartitioner.hash(ByteBuffer.wrap(key))).value);
            }
        }
    }

    @Test
    void placementMatchesTheJavaDriverOnRandomRings() throws Exception {
        Random rnd = new Random(SEED + 1);
        int compared = 0;
        for (int round = 0; round < 60; round++) {
            RandomRing ring = RandomRing.create(rnd);
            Map<String, Map<String, String>> keyspaces = randomKeyspaces(rnd, ring.datacenters);
            TokenMap<Integer> ours = TokenMap.build(Partitioner.MURMUR3, ring.nodes, keyspaces);
            for (Map.Entry<String, Map<String, String>> ks : keyspaces.entrySet()) {
                Map<com.datastax.oss.driver.api.core.metadata.token.Token, Set<Node>> theirs =
                        driverStrategy(ks.getValue()).computeReplicasByToken(ring.driverTokenToPrimary, ring.driverRing);
                boolean ordered = ks.getValue().get("class").endsWith("SimpleStrategy");
                for (var e : theirs.entrySet()) {
                    long token = ((com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token) e.getKey()).getValue();
                    List<Integer> expected = new ArrayList<>();
                    e.getValue().forEach(node -> expected.add(ring.idOf(node)));
                    List<Integer> actual = ours.replicas(ks.getKey(), new Murmur3Token(token));
                    String where = "round " + round + " " + ks + " token " + token;
                    if (ordered) {
                        assertEquals(expected, actual, where);
                    } else {
                        assertEquals(new HashSet<>(expected), new HashSet<>(actual), where);
                        assertEquals(expected.size(), actual.size(), where);
                    }
                    compared++;
                }
            }
        }
        assertTrue(compared > 10_000, "replica sets compared: " + compared);
    }

    private static Map<String, Map<String, String>> randomKeyspaces(Random rnd, List<String> datacenters) {
        Map<String, Map<String, String>> keyspaces = new LinkedHashMap<>();
        keyspaces.put("simple", Map.of("class", "org.apache.cassandra.locator.SimpleStrategy",
                "replication_factor", Integer.toString(1 + rnd.nextInt(5))));
        keyspaces.put("everywhere", Map.of("class", "org.apache.cassandra.locator.EverywhereStrategy"));
        for (int k = 0; k < 3; k++) {
            Map<String, String> nts = new HashMap<>();
            nts.put("class", "org.apache.cassandra.locator.NetworkTopologyStrategy");
            for (String dc : datacenters) {
                if (rnd.nextInt(5) > 0) {
                    nts.put(dc, Integer.toString(rnd.nextInt(7)));
                }
            }
            if (rnd.nextBoolean()) {
                nts.put("dc_unknown", "2");
            }
            keyspaces.put("nts" + k, nts);
        }
        return keyspaces;
    }

    private static ReplicationStrategy driverStrategy(Map<String, String> replication) throws Exception {
        String cls = replication.get("class");
        Map<String, String> options = new HashMap<>(replication);
        options.remove("class");
        String pkg = "com.datastax.oss.driver.internal.core.metadata.token.";
        if (cls.endsWith("EverywhereStrategy")) {
            return new EverywhereReplicationStrategy();
        }
        if (cls.endsWith("SimpleStrategy")) {
            Constructor<?> c = Class.forName(pkg + "SimpleReplicationStrategy").getDeclaredConstructor(Map.class);
            c.setAccessible(true); // package-private in the driver; fine on the class path
            return (ReplicationStrategy) c.newInstance(options);
        }
        Constructor<?> c = Class.forName(pkg + "NetworkTopologyReplicationStrategy")
                .getDeclaredConstructor(Map.class, String.class);
        c.setAccessible(true);
        return (ReplicationStrategy) c.newInstance(options, "cross-check");
    }

    /** One random ring, as our input and as the Java driver's. */
    private static final class RandomRing {
        final List<String> datacenters = new ArrayList<>();
        final Map<Integer, NodeTokens> nodes = new LinkedHashMap<>();
        final Map<Node, Integer> ids = new HashMap<>();
        final Map<com.datastax.oss.driver.api.core.metadata.token.Token, Node> driverTokenToPrimary = new HashMap<>();
        final List<com.datastax.oss.driver.api.core.metadata.token.Token> driverRing = new ArrayList<>();

        static RandomRing create(Random rnd) {
            RandomRing ring = new RandomRing();
            int vnodes = rnd.nextInt(3) == 0 ? 1 : rnd.nextBoolean() ? 16 : 1 + rnd.nextInt(32);
            Set<Long> used = new HashSet<>();
            TreeMap<Long, Node> sorted = new TreeMap<>();
            int id = 0;
            int dcs = 1 + rnd.nextInt(3);
            for (int dc = 0; dc < dcs; dc++) {
                String datacenter = "dc" + dc;
                ring.datacenters.add(datacenter);
                int racks = 1 + rnd.nextInt(4);
                int count = 1 + rnd.nextInt(8);
                for (int n = 0; n < count; n++) {
                    String rack = "rack" + rnd.nextInt(racks);
                    Set<String> tokens = new HashSet<>();
                    Node node = fakeNode(id, datacenter, rack);
                    for (int v = 0; v < vnodes; v++) {
                        long token = rnd.nextLong();
                        if (used.add(token)) {
                            tokens.add(Long.toString(token));
                            sorted.put(token, node);
                        }
                    }
                    ring.nodes.put(id, new NodeTokens(datacenter, rack, tokens));
                    ring.ids.put(node, id);
                    id++;
                }
            }
            sorted.forEach((token, node) -> {
                var driverToken = new com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token(token);
                ring.driverRing.add(driverToken);
                ring.driverTokenToPrimary.put(driverToken, node);
            });
            return ring;
        }

        int idOf(Node node) {
            return ids.get(node);
        }
    }

    /** A Java driver node that only knows its datacenter and rack. */
    private static Node fakeNode(int id, String datacenter, String rack) {
        return (Node) Proxy.newProxyInstance(Node.class.getClassLoader(), new Class<?>[] {Node.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getDatacenter" -> datacenter;
                    case "getRack" -> rack;
                    case "hashCode" -> id;
                    case "equals" -> proxy == args[0];
                    case "toString" -> "node" + id;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
