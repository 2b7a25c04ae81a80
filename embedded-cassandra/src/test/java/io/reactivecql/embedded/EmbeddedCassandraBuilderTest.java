package io.reactivecql.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builder validation, settings equality (what SharedCassandra reuses on), external clusters. */
class EmbeddedCassandraBuilderTest {

    @TempDir
    Path base;

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddedCassandra.builder().nodes(0));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedCassandra.builder().nodes(10));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedCassandra.builder().heapMegabytes(64));
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddedCassandra.builder().nodes(3).datacenters("dc1", "dc2").spec());
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddedCassandra.builder().nodes(2).racks("r1").spec());
    }

    @Test
    void equalSettingsMakeEqualSpecs() {
        assertEquals(EmbeddedCassandra.builder().nodes(3).baseDirectory(base).spec(),
                EmbeddedCassandra.builder().nodes(3).baseDirectory(base).spec());
        assertNotEquals(EmbeddedCassandra.builder().nodes(3).baseDirectory(base).spec(),
                EmbeddedCassandra.builder().nodes(1).baseDirectory(base).spec());
        assertNotEquals(EmbeddedCassandra.builder().baseDirectory(base).spec(),
                EmbeddedCassandra.builder().baseDirectory(base).authenticator("PasswordAuthenticator").spec());
        assertEquals(EmbeddedCassandra.builder().clientEncryption(ClientEncryption.keystore(base, "x")).spec(),
                EmbeddedCassandra.builder().clientEncryption(ClientEncryption.keystore(base, "x")).spec());
    }

    @Test
    void nodesGetConsecutiveLoopbackAddressesAndJmxPorts() {
        ClusterSpec spec = EmbeddedCassandra.builder().nodes(3).baseDirectory(base).spec();
        assertEquals("127.0.0.3", ClusterSpec.addressOf(3));
        assertEquals(7199, ClusterSpec.jmxPortOf(1));
        assertEquals(7201, ClusterSpec.jmxPortOf(3));
        assertEquals(base.resolve("node2"), spec.nodeDirectory(2));
    }

    @Test
    void baseDirectoryDefaultsUnderTmpAndFollowsTheSystemProperty() {
        String before = System.getProperty(EmbeddedCassandra.BASE_DIRECTORY_PROPERTY);
        try {
            System.clearProperty(EmbeddedCassandra.BASE_DIRECTORY_PROPERTY);
            assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "reactivecql-cassandra").toAbsolutePath(),
                    EmbeddedCassandra.builder().spec().baseDirectory());
            System.setProperty(EmbeddedCassandra.BASE_DIRECTORY_PROPERTY, base.toString());
            assertEquals(base, EmbeddedCassandra.builder().spec().baseDirectory());
        } finally {
            if (before == null) {
                System.clearProperty(EmbeddedCassandra.BASE_DIRECTORY_PROPERTY);
            } else {
                System.setProperty(EmbeddedCassandra.BASE_DIRECTORY_PROPERTY, before);
            }
        }
    }

    @Test
    void externalClusterParsesContactPointsAndRefusesNodeControl() {
        CassandraCluster cluster = EmbeddedCassandra.external(" db1:9043, db2 ,", null);
        assertEquals(List.of(InetSocketAddress.createUnresolved("db1", 9043), InetSocketAddress.createUnresolved("db2", 9042)),
                cluster.contactPoints());
        assertEquals("datacenter1", cluster.localDatacenter());
        assertFalse(cluster.supportsNodeControl());
        assertEquals("db2", cluster.node(2).address());
        assertThrows(NodeControlUnsupportedException.class, () -> cluster.node(1).kill());
        assertThrows(NodeControlUnsupportedException.class, () -> cluster.node(1).pid());
        assertThrows(NodeControlUnsupportedException.class, () -> cluster.nodetool(1, "status"));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedCassandra.external(" , ", "dc"));
        assertEquals("dc9", EmbeddedCassandra.external("h", "dc9").localDatacenter());
    }

    @Test
    void sharedCassandraUsesTheContactPointsVariableWithoutStartingAnything() {
        ClusterSpec spec = EmbeddedCassandra.builder().nodes(3).baseDirectory(base).spec();
        CassandraCluster cluster = SharedCassandra.acquire(spec, "10.1.2.3:9042", "dc7");
        assertFalse(cluster.supportsNodeControl());
        assertEquals("dc7", cluster.localDatacenter());
        assertSame(cluster, SharedCassandra.acquire(spec, "10.1.2.3:9042", "dc7"));
    }

    @Test
    void nodeControlOnAnExternalClusterBecomesASkippedTest() {
        NodeControlUnsupportedException unsupported = new NodeControlUnsupportedException("kill() is unsupported");
        Throwable skip = RealCassandraExtension.skipIfUnsupported(new RuntimeException("wrapped", unsupported));
        assertTrue(skip instanceof org.opentest4j.TestAbortedException, skip.toString());
        IllegalStateException other = new IllegalStateException();
        assertSame(other, RealCassandraExtension.skipIfUnsupported(other));
    }

    @Test
    void gossipAddressesAreNormalised() {
        assertEquals(java.util.Set.of("127.0.0.1", "127.0.0.2"),
                GossipProbe.addresses(List.of("/127.0.0.1:7000", "127.0.0.2")));
    }

    @Test
    void clientEncryptionKeepsItsSettings() {
        ClientEncryption tls = ClientEncryption.keystore(base.resolve("k"), "p").withPlainTextAllowed(true);
        assertTrue(tls.plainTextAllowed());
        assertFalse(tls.requireClientAuth());
        assertTrue(tls.truststore().isEmpty());
        ClientEncryption mutual = tls.withRequiredClientAuth(base.resolve("t"), "q");
        assertTrue(mutual.requireClientAuth());
        assertEquals(base.resolve("t"), mutual.truststore().orElseThrow());
        assertTrue(mutual.plainTextAllowed());
    }
}
