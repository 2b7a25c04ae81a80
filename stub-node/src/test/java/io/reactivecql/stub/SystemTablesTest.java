package io.reactivecql.stub;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.error.Invalid;
import io.reactivecql.protocol.response.error.ReadTimeout;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.SetType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a control connection reads from an unprimed node. */
class SystemTablesTest {

    private StubNode node;

    @BeforeEach
    void start() {
        node = StubNode.start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void systemLocalHasWhatADriverReads() throws IOException {
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            RowsResult local = (RowsResult) client.query("SELECT * FROM system.local WHERE key='local'");
            assertEquals("local", TestRows.single(local, "key"));
            assertEquals("stub-cluster", TestRows.single(local, "cluster_name"));
            assertEquals("dc1", TestRows.single(local, "data_center"));
            assertEquals("rack1", TestRows.single(local, "rack"));
            assertEquals(NodeInfo.MURMUR3_PARTITIONER, TestRows.single(local, "partitioner"));
            assertEquals(node.info().hostId(), TestRows.single(local, "host_id"));
            assertEquals(NodeInfo.DEFAULT_SCHEMA_VERSION, TestRows.single(local, "schema_version"));
            assertEquals(InetAddress.getByName("127.0.0.1"), TestRows.single(local, "rpc_address"));
            assertEquals(node.port(), TestRows.single(local, "rpc_port"));
            assertEquals(Set.of("0"), TestRows.single(local, "tokens"));
            assertInstanceOf(SetType.class, local.metadata().columns().stream()
                    .filter(c -> c.name().equals("tokens")).findFirst().orElseThrow().type());
        }
    }

    @Test
    void selectListsAreProjectedAndAliased() throws IOException {
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V4)) {
            RowsResult rows = (RowsResult) client.query("select release_version as v, \"cluster_name\" FROM system.local");
            assertEquals(List.of("v", "cluster_name"),
                    rows.metadata().columns().stream().map(c -> c.name()).toList());
            assertEquals(List.of(List.of("5.0.9", "stub-cluster")), TestRows.values(rows));

            Invalid unknown = (Invalid) client.query("SELECT nope FROM system.local");
            assertEquals("Undefined column name nope in table system.local", unknown.message());
            assertTrue(client.query("SELECT count(*) FROM system.local") instanceof Invalid);
        }
    }

    @Test
    void changedIdentityAndPeersShowUp() throws IOException {
        node.setInfo(node.info().withDataCenter("eu-west").withReleaseVersion("4.1.5"));
        node.setPeers(List.of(NodeInfo.of(new InetSocketAddress("127.0.0.9", 9042)).withRack("r9")));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            RowsResult local = (RowsResult) client.query("SELECT data_center, release_version FROM system.local");
            assertEquals(List.of(List.of("eu-west", "4.1.5")), TestRows.values(local));
            RowsResult peers = (RowsResult) client.query("SELECT peer, rack, native_port FROM system.peers_v2");
            assertEquals(List.of(List.of(InetAddress.getByName("127.0.0.9"), "r9", 9042)), TestRows.values(peers));
        }
    }

    @Test
    void systemSchemaIsEmptyAndPeersV2CanBeMissing() throws IOException {
        try (StubNode old = StubNode.builder().peersV2(false).start();
             TestClient client = TestClient.ready(old.address(), ProtocolVersion.V4)) {
            assertEquals(0, ((RowsResult) client.query("SELECT * FROM system_schema.keyspaces")).rowCount());
            assertEquals(new Invalid("unconfigured table peers_v2"), client.query("SELECT * FROM system.peers_v2"));
            assertEquals(0, ((RowsResult) client.query("SELECT * FROM system.peers")).rowCount());
        }
    }

    @Test
    void systemTablesCanBeOverriddenByPrimes() throws IOException {
        node.when("SELECT * FROM system.local").thenError(new ReadTimeout(
                "slow", ConsistencyLevel.ONE, 0, 1, false));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            assertInstanceOf(ReadTimeout.class,
                    client.query("SELECT * FROM system.local"));
        }
    }
}
