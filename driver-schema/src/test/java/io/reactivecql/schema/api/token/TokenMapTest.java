package io.reactivecql.schema.api.token;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ring itself: ranges, owners, node tokens, snapshots and the failures of bad input. */
class TokenMapTest {

    private static final Map<String, String> RF2 =
            Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "2");

    private static Map<String, NodeTokens> threeNodes() {
        Map<String, NodeTokens> nodes = new LinkedHashMap<>();
        nodes.put("B", new NodeTokens("dc1", "r1", Set.of("0", "600")));
        nodes.put("A", new NodeTokens("dc1", "r1", Set.of("-300", "300")));
        nodes.put("C", new NodeTokens("dc1", "r1", Set.of("900")));
        nodes.put("joining", new NodeTokens("dc1", "r1", Set.of()));
        return nodes;
    }

    private static Token t(TokenMap<?> map, long value) {
        return map.partitioner().parse(Long.toString(value));
    }

    @Test
    void rangesAreSortedByEndAndTheFirstWrapsAround() {
        TokenMap<String> map = TokenMap.build(Partitioner.MURMUR3, threeNodes(), Map.of());
        assertEquals("[(900, -300], (-300, 0], (0, 300], (300, 600], (600, 900]]", map.tokenRanges().toString());
        assertTrue(map.tokenRanges().get(0).isWrappedAround());
        assertThrows(UnsupportedOperationException.class, () -> map.tokenRanges().clear());
    }

    @Test
    void ownerIsTheOwnerOfTheFirstTokenAtOrAfter() {
        TokenMap<String> map = TokenMap.build(Partitioner.MURMUR3, threeNodes(), Map.of());
        assertEquals("A", map.owner(t(map, -300)));
        assertEquals("B", map.owner(t(map, -299)));
        assertEquals("B", map.owner(t(map, 0)));
        assertEquals("A", map.owner(t(map, 1)));
        assertEquals("C", map.owner(t(map, 900)));
        assertEquals("A", map.owner(t(map, 901)), "wraps");
        assertEquals("A", map.owner(t(map, Long.MAX_VALUE)));
        assertEquals("A", map.owner(t(map, Long.MIN_VALUE)));
    }

    @Test
    void nodesAndTheirTokensLeaveOutNodesWithoutTokens() {
        TokenMap<String> map = TokenMap.build(Partitioner.MURMUR3, threeNodes(), Map.of());
        assertEquals(Set.of("A", "B", "C"), map.nodes());
        assertEquals(List.of(t(map, -300), t(map, 300)), map.tokens("A"));
        assertEquals(List.of(t(map, 0), t(map, 600)), map.tokens("B"));
        assertEquals(List.of(), map.tokens("joining"));
        assertEquals(List.of(), map.tokens("unknown"));
    }

    @Test
    void singleTokenRingIsOneFullRange() {
        TokenMap<String> map = TokenMap.build(Partitioner.MURMUR3,
                Map.of("only", new NodeTokens("dc1", "r1", Set.of("42"))), Map.of("ks", RF2));
        assertEquals(1, map.tokenRanges().size());
        assertTrue(map.tokenRanges().get(0).isFullRing());
        assertEquals(List.of("only"), map.replicas("ks", ByteBuffer.wrap(new byte[] {7})));
        assertEquals(List.of("only"), map.replicas("ks", t(map, Long.MIN_VALUE)));
    }

    @Test
    void replicasOfAKeyAreThoseOfTheRangeItsTokenFallsIn() {
        TokenMap<String> map = TokenMap.build(Partitioner.MURMUR3, threeNodes(), Map.of("ks", RF2));
        for (int i = 0; i < 200; i++) {
            ByteBuffer key = ByteBuffer.allocate(4).putInt(0, i);
            Token token = map.partitioner().hash(key);
            List<String> replicas = map.replicas("ks", key);
            assertEquals(map.replicas("ks", token), replicas);
            assertEquals(map.owner(token), replicas.get(0), "the primary replica comes first");
            assertEquals(2, new HashSet<>(replicas).size());
            assertEquals(0, key.position());
        }
    }

    @Test
    void tokenRangesOfAReplicaAreTheRangesItHolds() {
        TokenMap<String> map = TokenMap.build(Partitioner.MURMUR3, threeNodes(), Map.of("ks", RF2));
        // owners of -300 0 300 600 900: A B A B C; RF 2 adds the next distinct node clockwise
        assertEquals("[(300, 600], (600, 900]]", map.tokenRanges("ks", "C").toString());
        assertEquals("[(900, -300], (-300, 0], (0, 300], (600, 900]]", map.tokenRanges("ks", "A").toString());
        assertEquals("[(900, -300], (-300, 0], (0, 300], (300, 600]]", map.tokenRanges("ks", "B").toString());
        assertEquals(List.of(), map.tokenRanges("unknown", "A"));
        assertEquals(List.of(), map.tokenRanges("ks", "joining"));
    }

    @Test
    void unknownKeyspacesHaveNoReplicasButForeignTokensFail() {
        TokenMap<String> map = TokenMap.build(Partitioner.MURMUR3, threeNodes(), Map.of("ks", RF2));
        assertEquals(List.of(), map.replicas("other", ByteBuffer.wrap(new byte[] {1})));
        assertEquals(List.of(), map.replicas("other", t(map, 1)));
        Token random = Partitioner.forClassName(Partitioner.RANDOM).parse("1");
        assertThrows(IllegalArgumentException.class, () -> map.replicas("ks", random));
        assertThrows(IllegalArgumentException.class, () -> map.replicas("other", random));
        assertThrows(IllegalArgumentException.class, () -> map.owner(random));
        assertThrows(NullPointerException.class, () -> map.replicas(null, t(map, 1)));
        assertThrows(NullPointerException.class, () -> map.replicas("ks", (ByteBuffer) null));
    }

    @Test
    void replicaListsArePrecomputedImmutableAndShared() {
        TokenMap<String> map = TokenMap.build(Partitioner.MURMUR3, threeNodes(), Map.of("ks", RF2, "twin", RF2));
        ByteBuffer key = ByteBuffer.wrap(new byte[] {1, 2, 3});
        List<String> replicas = map.replicas("ks", key);
        assertSame(replicas, map.replicas("ks", key));
        assertSame(replicas, map.replicas("twin", key), "equal settings share one table");
        assertThrows(UnsupportedOperationException.class, () -> replicas.add("X"));
    }

    @Test
    void withKeyspacesKeepsTheRingAndReusesTablesOfEqualSettings() {
        TokenMap<String> first = TokenMap.build(Partitioner.MURMUR3, threeNodes(), Map.of("ks", RF2));
        Map<String, String> sameSettingsShortName = Map.of("class", "SimpleStrategy", "replication_factor", "2");
        TokenMap<String> second = first.withKeyspaces(Map.of("renamed", sameSettingsShortName,
                "rf1", Map.of("class", "SimpleStrategy", "replication_factor", "1")));
        ByteBuffer key = ByteBuffer.wrap(new byte[] {9});
        assertSame(first.replicas("ks", key), second.replicas("renamed", key));
        assertEquals(List.of(first.owner(first.partitioner().hash(key))), second.replicas("rf1", key));
        assertEquals(List.of(), second.replicas("ks", key));
        assertEquals(Set.of("renamed", "rf1"), second.keyspaces());
        assertEquals(Set.of("ks"), first.keyspaces(), "the first snapshot is unchanged");
        assertSame(first.tokenRanges(), second.tokenRanges());
    }

    @Test
    void inputIsCopiedSoLaterChangesDoNotLeakIn() {
        Set<String> tokens = new HashSet<>(Set.of("1"));
        Map<String, NodeTokens> nodes = new LinkedHashMap<>();
        nodes.put("A", new NodeTokens("dc1", "r1", tokens));
        Map<String, Map<String, String>> keyspaces = new LinkedHashMap<>();
        keyspaces.put("ks", RF2);
        TokenMap<String> map = TokenMap.build(Partitioner.MURMUR3, nodes, keyspaces);
        tokens.add("2");
        nodes.put("B", new NodeTokens("dc1", "r1", Set.of("3")));
        keyspaces.put("other", RF2);
        assertEquals(1, map.tokenRanges().size());
        assertEquals(Set.of("ks"), map.keyspaces());
    }

    @Test
    void badRingsFailFastNamingTheCulprit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenMap.build(
                Partitioner.MURMUR3, Map.of("A", new NodeTokens("dc1", "r1", Set.of("zero"))), Map.of()));
        assertTrue(e.getMessage().contains("node A") && e.getMessage().contains("'zero'"), e.getMessage());

        Map<String, NodeTokens> clash = new LinkedHashMap<>();
        clash.put("A", new NodeTokens("dc1", "r1", Set.of("5")));
        clash.put("B", new NodeTokens("dc1", "r1", Set.of("5")));
        e = assertThrows(IllegalArgumentException.class, () -> TokenMap.build(Partitioner.MURMUR3, clash, Map.of()));
        assertTrue(e.getMessage().contains("token 5") && e.getMessage().contains("A")
                && e.getMessage().contains("B"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> TokenMap.build(Partitioner.MURMUR3,
                Map.of("A", new NodeTokens("dc1", "r1", Set.of())), Map.of()));
        assertTrue(e.getMessage().contains("no node has a token"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> TokenMap.build("org.example.Partitioner", threeNodes(), Map.of()));
        assertTrue(e.getMessage().contains("org.example.Partitioner"), e.getMessage());

        assertThrows(NullPointerException.class, () -> TokenMap.build(Partitioner.MURMUR3, null, Map.of()));
        assertThrows(NullPointerException.class, () -> TokenMap.build(Partitioner.MURMUR3, threeNodes(), null));
        assertThrows(NullPointerException.class, () -> new NodeTokens("dc1", "r1", null));
    }

    @Test
    void malformedReplicationFailsFastNamingTheKeyspace() {
        assertReplicationFails(Map.of("replication_factor", "3"), "ks1", "class");
        assertReplicationFails(Map.of("class", "SimpleStrategy"), "ks1", "replication_factor");
        assertReplicationFails(Map.of("class", "SimpleStrategy", "replication_factor", "three"), "ks1", "three");
        assertReplicationFails(Map.of("class", "SimpleStrategy", "replication_factor", "3/3"), "ks1", "3/3");
        assertReplicationFails(Map.of("class", "SimpleStrategy", "replication_factor", "-1"), "ks1", "-1");
        assertReplicationFails(Map.of("class", "NetworkTopologyStrategy", "dc1", "3", "dc2", "x"), "dc2", "'x'");
    }

    @Test
    void replicationFactorsMayHaveBlanksAndTransientParts() {
        TokenMap<String> map = TokenMap.build(Partitioner.MURMUR3, threeNodes(), Map.of(
                "spaced", Map.of("class", "SimpleStrategy", "replication_factor", " 2 "),
                "transient", Map.of("class", "SimpleStrategy", "replication_factor", "3/1"),
                "zero", Map.of("class", "SimpleStrategy", "replication_factor", "0")));
        ByteBuffer key = ByteBuffer.wrap(new byte[] {4});
        assertEquals(2, map.replicas("spaced", key).size());
        assertEquals(map.replicas("spaced", key), map.replicas("transient", key));
        assertEquals(List.of(), map.replicas("zero", key));
    }

    @Test
    void nodeRefIsAValueWithAReadableForm() {
        NodeRef a = new NodeRef(InetSocketAddress.createUnresolved("10.0.0.1", 9042));
        assertEquals(a, new NodeRef(InetSocketAddress.createUnresolved("10.0.0.1", 9042)));
        assertEquals("10.0.0.1:9042", a.toString());
        assertThrows(NullPointerException.class, () -> new NodeRef(null));
    }

    private static void assertReplicationFails(Map<String, String> replication, String... mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenMap.build(
                Partitioner.MURMUR3, threeNodes(), Map.of("ks1", replication)));
        assertTrue(e.getMessage().contains("keyspace ks1"), e.getMessage());
        for (String mention : mentions) {
            assertTrue(e.getMessage().contains(mention), e.getMessage());
        }
    }
}
