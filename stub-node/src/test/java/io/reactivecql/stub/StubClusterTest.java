package io.reactivecql.stub;

import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.QueryOptions;
import io.reactivecql.protocol.response.error.Invalid;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.TypeCodecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nodes on 127.0.0.1..N that describe each other; stopping and restarting one. */
class StubClusterTest {

    private StubCluster cluster;

    @BeforeEach
    void start() {
        cluster = StubCluster.builder().dataCenter("dc1", 3).dataCenter("dc2", 2).racksPerDataCenter(2).start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void nodesShareAPortOnConsecutiveAddresses() {
        assertEquals(5, cluster.size());
        for (int n = 1; n <= 5; n++) {
            assertEquals("127.0.0." + n, cluster.node(n).address().getAddress().getHostAddress());
            assertEquals(cluster.port(), cluster.node(n).port());
        }
    }

    @Test
    void systemLocalDescribesTheNodeItself() throws IOException {
        try (TestClient client = TestClient.ready(cluster.node(4).address(), ProtocolVersion.V5)) {
            RowsResult local = (RowsResult) client.query("SELECT data_center, rack, rpc_address, tokens, host_id, "
                    + "partitioner AS p FROM system.local");
            assertEquals("dc2", TestRows.single(local, "data_center"));
            assertEquals("rack1", TestRows.single(local, "rack"));
            assertEquals(InetAddress.getByName("127.0.0.4"), TestRows.single(local, "rpc_address"));
            assertEquals(Set.of(StubCluster.tokens(5).get(3)), TestRows.single(local, "tokens"));
            assertEquals(cluster.node(4).info().hostId(), TestRows.single(local, "host_id"));
            assertEquals(NodeInfo.MURMUR3_PARTITIONER, TestRows.single(local, "p"));
        }
    }

    @Test
    void peersListEveryOtherNode() throws IOException {
        try (TestClient client = TestClient.ready(cluster.node(1).address(), ProtocolVersion.V4)) {
            RowsResult peers = (RowsResult) client.query("SELECT * FROM system.peers");
            List<List<Object>> rows = TestRows.values(peers);
            assertEquals(4, rows.size());
            assertEquals(InetAddress.getByName("127.0.0.2"), rows.get(0).get(0));
            assertEquals("dc1", rows.get(0).get(1));

            RowsResult v2 = (RowsResult) client.query("SELECT peer, native_port, data_center, rack FROM system.peers_v2");
            assertEquals(List.of(
                    List.of(InetAddress.getByName("127.0.0.2"), cluster.port(), "dc1", "rack2"),
                    List.of(InetAddress.getByName("127.0.0.3"), cluster.port(), "dc1", "rack1"),
                    List.of(InetAddress.getByName("127.0.0.4"), cluster.port(), "dc2", "rack1"),
                    List.of(InetAddress.getByName("127.0.0.5"), cluster.port(), "dc2", "rack2")), TestRows.values(v2));

            RowsResult one = (RowsResult) client.query("SELECT host_id FROM system.peers WHERE peer = '127.0.0.3'");
            assertEquals(List.of(List.of(cluster.node(3).info().hostId())), TestRows.values(one));
            RowsResult bound = (RowsResult) client.request(new Query("SELECT * FROM system.peers_v2 WHERE peer = ? AND "
                    + "peer_port = 7000", QueryOptions.builder()
                    .values(TypeCodecs.INET.encode(InetAddress.getByName("127.0.0.5"))).build()));
            assertEquals(1, bound.rowCount());
        }
    }

    @Test
    void hostIdsAndTokensAreDistinct() {
        Set<UUID> ids = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        cluster.forEachNode(n -> {
            ids.add(n.info().hostId());
            tokens.addAll(n.info().tokens());
        });
        assertEquals(5, ids.size());
        assertEquals(5, tokens.size());
        assertEquals(String.valueOf(Long.MIN_VALUE), StubCluster.tokens(5).get(0));
    }

    @Test
    void stoppedNodeRefusesConnectionsUntilRestarted() throws IOException {
        try (TestClient client = TestClient.ready(cluster.node(2).address(), ProtocolVersion.V5)) {
            cluster.stop(2);
            assertTrue(client.isClosedByServer(), "open connections are closed");
        }
        assertThrows(ConnectException.class, () -> new TestClient(cluster.node(2).address(), ProtocolVersion.V5));
        cluster.node(1).activity().awaitOpenConnections(0, Duration.ofSeconds(5));

        cluster.restart(2);
        try (TestClient client = TestClient.ready(cluster.node(2).address(), ProtocolVersion.V5)) {
            assertEquals("127.0.0.2", ((InetAddress) TestRows.single(
                    (RowsResult) client.query("SELECT rpc_address FROM system.local"), "rpc_address")).getHostAddress());
        }
        assertEquals(2, cluster.node(2).activity().connectionsOpened());
        assertNotEquals(0, cluster.count(RequestMatcher.kind(RequestKind.STARTUP)));
    }

    @Test
    void primingEveryNodeAtOnce() throws IOException {
        cluster.forEachNode(n -> n.when("SELECT v FROM ks.t").thenVoid());
        for (int n = 1; n <= cluster.size(); n++) {
            try (TestClient client = TestClient.ready(cluster.node(n).address(), ProtocolVersion.V4)) {
                client.query("SELECT v FROM ks.t");
            }
        }
        assertEquals(5, cluster.count(RequestMatcher.query("SELECT v FROM ks.t")));
    }

    @Test
    void nodeSettingsApplyToEveryNode() throws IOException {
        try (StubCluster old = StubCluster.builder().dataCenter("dc1", 2)
                .nodeSettings(b -> b.protocolVersions(ProtocolVersion.V4).peersV2(false)).start();
             TestClient client = TestClient.ready(old.node(2).address(), ProtocolVersion.V4)) {
            assertTrue(client.query("SELECT * FROM system.peers_v2")
                    instanceof Invalid);
            assertEquals(1, ((RowsResult) client.query("SELECT * FROM system.peers")).rowCount());
        }
    }
}
