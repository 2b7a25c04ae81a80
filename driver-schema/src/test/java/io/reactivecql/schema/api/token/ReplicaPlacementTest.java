package io.reactivecql.schema.api.token;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replica placement on a small hand-built ring, every expectation worked out by hand from
 * Cassandra's algorithms (the golden and cross-check tests cover large random rings).
 *
 * <pre>
 * token  100 200 300 400 500 600 700 800 900
 * node    A   B   C   D   E   F   G   H   I
 * dc      1   1   2   1   2   1   2   2   1
 * rack   r1  r1  x1  r2  x1  r3  x2  x3  r1
 * </pre>
 */
class ReplicaPlacementTest {

    private static final String NTS = "org.apache.cassandra.locator.NetworkTopologyStrategy";
    private static final String SIMPLE = "org.apache.cassandra.locator.SimpleStrategy";

    private static final Map<String, NodeTokens> RING = new LinkedHashMap<>();

    static {
        node("A", "dc1", "r1", 100);
        node("B", "dc1", "r1", 200);
        node("C", "dc2", "x1", 300);
        node("D", "dc1", "r2", 400);
        node("E", "dc2", "x1", 500);
        node("F", "dc1", "r3", 600);
        node("G", "dc2", "x2", 700);
        node("H", "dc2", "x3", 800);
        node("I", "dc1", "r1", 900);
    }

    private static void node(String name, String dc, String rack, long token) {
        RING.put(name, new NodeTokens(dc, rack, Set.of(Long.toString(token))));
    }

    private static Map<String, String> replication(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static TokenMap<String> map(Map<String, String> replication) {
        return TokenMap.build(Partitioner.MURMUR3, RING, Map.of("ks", replication));
    }

    private static List<String> at(TokenMap<String> map, long token) {
        return map.replicas("ks", map.partitioner().parse(Long.toString(token)));
    }

    @Test
    void simpleStrategyTakesTheNextDistinctNodesClockwise() {
        TokenMap<String> rf1 = map(replication("class", SIMPLE, "replication_factor", "1"));
        assertEquals(List.of("A"), at(rf1, 100));
        assertEquals(List.of("B"), at(rf1, 150));
        assertEquals(List.of("A"), at(rf1, 950), "past the last token wraps to the first");
        assertEquals(List.of("A"), at(rf1, Long.MIN_VALUE));

        TokenMap<String> rf2 = map(replication("class", SIMPLE, "replication_factor", "2"));
        assertEquals(List.of("A", "B"), at(rf2, 100));
        assertEquals(List.of("I", "A"), at(rf2, 900));

        TokenMap<String> rf3 = map(replication("class", "SimpleStrategy", "replication_factor", "3"));
        assertEquals(List.of("B", "C", "D"), at(rf3, 150));
        assertEquals(List.of("I", "A", "B"), at(rf3, 850));

        TokenMap<String> rf20 = map(replication("class", SIMPLE, "replication_factor", "20"));
        assertEquals(List.of("C", "D", "E", "F", "G", "H", "I", "A", "B"), at(rf20, 300),
                "an RF above the node count stops at every node");

        TokenMap<String> transientRf = map(replication("class", SIMPLE, "replication_factor", "3/1"));
        assertEquals(List.of("A", "B"), at(transientRf, 100), "only the 2 full replicas");
    }

    @Test
    void networkTopologyStrategyPrefersNewRacksThenFillsPerDatacenter() {
        TokenMap<String> map = map(replication("class", NTS, "dc1", "3", "dc2", "2"));
        // A(r1) B(r1: a repeat, dc1 has 3 racks for RF 3: skipped) C D E(x1 repeat: skipped) F G
        assertEquals(List.of("A", "C", "D", "F", "G"), at(map, 100));
        // E F G(dc2 done) H(skipped) I A(r1 repeat) B C(dc2 done) D(dc1 done)
        assertEquals(List.of("E", "F", "G", "I", "D"), at(map, 500));
    }

    @Test
    void fewerRacksThanRfRepeatsTheFirstNodesMet() {
        // dc1 has 3 racks for RF 4: one rack repeat allowed, taken by the first repeat node met
        TokenMap<String> map = map(replication("class", NTS, "dc1", "4"));
        assertEquals(List.of("A", "B", "D", "F"), at(map, 100));
        assertEquals(List.of("B", "D", "F", "I"), at(map, 200));
        // I(r1) A(r1, the one repeat) B(r1, no repeat left) D(r2) F(r3): order as Cassandra walks
        assertEquals(List.of("I", "A", "D", "F"), at(map, 900));
    }

    @Test
    void rfAboveTheNodeCountTakesEveryNodeOfTheDatacenter() {
        TokenMap<String> map = map(replication("class", NTS, "dc2", "6"));
        assertEquals(List.of("C", "E", "G", "H"), at(map, 100));
        assertEquals(List.of("H", "C", "E", "G"), at(map, 800));
    }

    @Test
    void transientReplicationListsTheFullReplicasCassandraPicks() {
        // "4/2": the walk is for 4 replicas (1 rack repeat allowed), the first 2 taken are full;
        // an RF of 2 would instead give A, D
        assertEquals(List.of("A", "B"), at(map(replication("class", NTS, "dc1", "4/2")), 100));
        assertEquals(List.of("A", "D"), at(map(replication("class", NTS, "dc1", "3/1")), 100));
    }

    @Test
    void unknownDatacentersAndZeroRfsAreIgnored() {
        assertEquals(List.of("A"), at(map(replication("class", NTS, "dc1", "1", "dc9", "3")), 100));
        assertEquals(List.of("C"), at(map(replication("class", NTS, "dc1", "0", "dc2", "1")), 100));
        TokenMap<String> none = map(replication("class", NTS, "dc9", "3"));
        for (TokenRange range : none.tokenRanges()) {
            assertEquals(List.of(), none.replicas("ks", range.end()));
        }
    }

    @Test
    void nodesWithoutDatacenterAreNeverNtsReplicasAndUnknownRacksCountAsOne() {
        Map<String, NodeTokens> nodes = new LinkedHashMap<>();
        nodes.put("P", new NodeTokens("dc1", null, Set.of("10")));
        nodes.put("Q", new NodeTokens("dc1", null, Set.of("20")));
        nodes.put("X", new NodeTokens(null, null, Set.of("25")));
        nodes.put("R", new NodeTokens("dc1", "r1", Set.of("30")));
        TokenMap<String> map = TokenMap.build("Murmur3Partitioner", nodes, Map.of(
                "nts", replication("class", NTS, "dc1", "2"),
                "simple", replication("class", SIMPLE, "replication_factor", "4")));
        Token t10 = map.partitioner().parse("10");
        assertEquals(List.of("P", "R"), map.replicas("nts", t10), "Q repeats P's (unknown) rack");
        assertEquals(List.of("X", "R", "P", "Q"), map.replicas("simple", map.partitioner().parse("25")),
                "SimpleStrategy ignores datacenters");
        assertEquals(List.of("R", "P"), map.replicas("nts", map.partitioner().parse("25")));
    }

    @Test
    void localStrategyIsTheLocalNodeOnly() {
        Map<String, Map<String, String>> keyspaces = Map.of("system", replication("class", "org.apache.cassandra.locator.LocalStrategy"));
        TokenMap<String> withLocal = TokenMap.build(Partitioner.MURMUR3, RING, keyspaces, "E");
        for (TokenRange range : withLocal.tokenRanges()) {
            assertEquals(List.of("E"), withLocal.replicas("system", range.end()));
        }
        assertEquals(List.of("E"), withLocal.replicas("system", ByteBuffer.wrap(new byte[] {1})));
        TokenMap<String> withoutLocal = TokenMap.build(Partitioner.MURMUR3, RING, keyspaces);
        assertEquals(List.of(), withoutLocal.replicas("system", ByteBuffer.wrap(new byte[] {1})));
        assertThrows(IllegalArgumentException.class,
                () -> TokenMap.build(Partitioner.MURMUR3, RING, keyspaces, "Z"));
    }

    @Test
    void everywhereStrategyIsEveryNodeInRingOrder() {
        TokenMap<String> map = map(replication("class", "org.apache.cassandra.locator.EverywhereStrategy"));
        assertEquals(List.of("C", "D", "E", "F", "G", "H", "I", "A", "B"), at(map, 300));
        assertEquals(List.of("A", "B", "C", "D", "E", "F", "G", "H", "I"), at(map, 901));
    }

    @Test
    void unsupportedStrategyHasNoReplicas() {
        TokenMap<String> map = map(replication("class", "com.example.CustomStrategy", "anything", "goes"));
        assertEquals(List.of(), at(map, 100));
        assertTrue(map.keyspaces().contains("ks"));
    }
}
