package io.reactivecql.embedded;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A single shared node, reached with the Apache Cassandra Java driver. */
@RealCassandra
class EmbeddedCassandraIT {

    @Test
    void clientReadsTheReleaseVersion(CassandraCluster cluster) {
        try (CqlSession session = DriverSessions.open(cluster)) {
            Row row = session.execute("SELECT release_version FROM system.local").one();
            String version = row.getString("release_version");
            assertTrue(version.startsWith("5.0"), version);
            if (cluster.supportsNodeControl()) {
                assertEquals(EmbeddedCassandra.cassandraVersion(), version);
            }
        }
    }

    @Test
    void singleNodeListensOn127001(CassandraCluster cluster) {
        assertEquals(1, cluster.size());
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 9042)), cluster.contactPoints());
        assertEquals("datacenter1", cluster.localDatacenter());
    }

    @Test
    void exposesPidAndLogOfItsNode(CassandraCluster cluster) {
        assumeTrue(cluster.supportsNodeControl(), "an external cluster has no pid or log here");
        CassandraNode node = cluster.node(1);
        assertTrue(ProcessHandle.of(node.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(ProcessHandle.of(node.pid()).flatMap(p -> p.info().commandLine()).orElseThrow()
                .contains(node.directory().toString()));
        assertTrue(node.log().contains("Starting listening for CQL clients on /127.0.0.1:9042"), node.log());
    }
}
