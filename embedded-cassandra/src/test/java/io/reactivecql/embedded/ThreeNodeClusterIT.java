package io.reactivecql.embedded;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Three nodes: the driver sees them, one dies and comes back, nodetool answers, all die at close. */
@RealCassandra(nodes = 3)
class ThreeNodeClusterIT {

    private static final String KEYSPACE = "three_node_it";
    private static CqlSession session;

    @BeforeAll
    static void createKeyspace(CassandraCluster cluster) {
        session = DriverSessions.open(cluster);
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
        // a replica that died is suspected only after seconds; till then a read at ONE sent to it
        // would wait for the default speculative retry (half the 5 s read timeout) before asking another
        session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".kv (k text PRIMARY KEY, v int)"
                + " WITH speculative_retry = '20ms'");
    }

    @AfterAll
    static void closeKillsEveryNode(CassandraCluster cluster) {
        session.close();
        if (!cluster.supportsNodeControl()) {
            return;
        }
        List<Long> pids = cluster.nodes().stream().map(CassandraNode::pid).toList();
        cluster.close();
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " survived close()");
        }
    }

    @Test
    void clientSeesThreeNodesUp(CassandraCluster cluster) {
        assertEquals(3, cluster.size());
        awaitDriver("3 nodes UP", () -> upNodes().size() == 3);
        List<String> addresses = upNodes().stream()
                .map(node -> node.getEndPoint().resolve().toString()).sorted().toList();
        assertEquals(List.of("/127.0.0.1:9042", "/127.0.0.2:9042", "/127.0.0.3:9042"), addresses);
    }

    @Test
    void survivesTheLossOfANodeAtConsistencyOne(CassandraCluster cluster) {
        for (int i = 0; i < 10; i++) {
            // at ALL while every node is up: each replica holds each row
            write("before" + i, i, ConsistencyLevel.ALL);
        }
        CassandraNode node2 = cluster.node(2);
        long pid = node2.pid();
        node2.kill();
        assertFalse(node2.isRunning());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        for (int i = 0; i < 10; i++) {
            assertEquals(i, read("before" + i, ConsistencyLevel.ONE));
            write("during" + i, i, ConsistencyLevel.ONE);
        }

        node2.restart();
        assertTrue(node2.isRunning());
        assertNotEquals(pid, node2.pid());
        awaitDriver("node 2 UP again", () -> upNodes().stream()
                .anyMatch(node -> node.getEndPoint().resolve().toString().equals("/127.0.0.2:9042")));
        // ALL needs node 2's answer too
        assertEquals(3, read("before3", ConsistencyLevel.ALL));
    }

    @Test
    void nodetoolStatusListsThreeUpNormalNodes(CassandraCluster cluster) {
        String status = cluster.nodetool(1, "status");
        List<String> upNormal = status.lines().filter(line -> line.startsWith("UN ")).toList();
        assertEquals(3, upNormal.size(), status);
        for (int node = 1; node <= 3; node++) {
            assertTrue(status.contains("UN  127.0.0." + node + " "), status);
        }
    }

    @Test
    void nodetoolGetEndpointsNamesTheThreeReplicas(CassandraCluster cluster) {
        String endpoints = cluster.nodetool(3, "getendpoints", KEYSPACE, "kv", "some-key");
        assertEquals(List.of("127.0.0.1", "127.0.0.2", "127.0.0.3"), endpoints.lines().map(String::trim).sorted().toList(),
                endpoints);
    }

    private static void write(String key, int value, ConsistencyLevel consistency) {
        session.execute(SimpleStatement.newInstance("INSERT INTO " + KEYSPACE + ".kv (k, v) VALUES (?, ?)", key, value)
                .setConsistencyLevel(consistency));
    }

    private static int read(String key, ConsistencyLevel consistency) {
        Row row = session.execute(SimpleStatement.newInstance("SELECT v FROM " + KEYSPACE + ".kv WHERE k = ?", key)
                .setConsistencyLevel(consistency)).one();
        assertNotNull(row, key + " not found at " + consistency);
        return row.getInt("v");
    }

    private static Collection<Node> upNodes() {
        List<Node> up = new ArrayList<>();
        for (Node node : session.getMetadata().getNodes().values()) {
            if (node.getState() == NodeState.UP) {
                up.add(node);
            }
        }
        return up;
    }

    private static void awaitDriver(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("driver did not see " + what + " within 30 s: " + session.getMetadata().getNodes().values());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
        }
    }
}
