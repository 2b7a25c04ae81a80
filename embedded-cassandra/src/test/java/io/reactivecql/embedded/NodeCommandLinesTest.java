package io.reactivecql.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeCommandLinesTest {

    @TempDir
    Path base;

    private final CassandraRuntime runtime = CassandraRuntime.parse(
            "/m2/cassandra-all.jar:/m2/jamm-0.4.0.jar", "cassandra.version=5.0.9", ":");
    private final Path java = Path.of("/jdk17/bin/java");

    @Test
    void daemonRunsCassandraDaemonWithItsConfigJmxPortAndJamm() {
        ClusterSpec spec = EmbeddedCassandra.builder().nodes(3).baseDirectory(base).spec();
        List<String> command = NodeCommandLines.daemon(spec, 2, runtime, java, Optional.empty());
        Path dir = base.resolve("node2");

        assertEquals(java.toString(), command.get(0));
        assertEquals(NodeCommandLines.NODE_MARKER + dir + "/", command.get(1), "marker must come first");
        assertEquals("org.apache.cassandra.service.CassandraDaemon", command.get(command.size() - 1));
        assertTrue(command.contains("-javaagent:/m2/jamm-0.4.0.jar"));
        assertTrue(command.contains("-Dcassandra-foreground=yes"));
        assertTrue(command.contains("-Dcassandra.config=file://" + dir.resolve("conf/cassandra.yaml")));
        assertTrue(command.contains("-Dcassandra.jmx.local.port=7200"));
        assertTrue(command.contains("-Dcassandra.storagedir=" + dir));
        assertTrue(command.contains("-Dcassandra.logdir=" + dir.resolve("logs")));
        assertTrue(command.contains("-Xmx512m"));
        assertTrue(command.contains("-XX:TieredStopAtLevel=1"));
        int cp = command.indexOf("-cp");
        assertEquals("/m2/cassandra-all.jar:/m2/jamm-0.4.0.jar", command.get(cp + 1));
    }

    @Test
    void setprivWrapsTheJvmToDropIpcLock() {
        ClusterSpec spec = EmbeddedCassandra.builder().baseDirectory(base).spec();
        List<String> command = NodeCommandLines.daemon(spec, 1, runtime, java, Optional.of(Path.of("/usr/bin/setpriv")));
        assertEquals(List.of("/usr/bin/setpriv", "--bounding-set=-ipc_lock", "--inh-caps=-ipc_lock", java.toString()),
                command.subList(0, 4));
    }

    @Test
    void heapJvmOptionsAndFullJitAreConfigurable() {
        ClusterSpec spec = EmbeddedCassandra.builder().baseDirectory(base).heapMegabytes(200)
                .fastStartup(false).jvmOption("-Dfoo=bar").spec();
        List<String> command = NodeCommandLines.daemon(spec, 1, runtime, java, Optional.empty());
        assertTrue(command.containsAll(List.of("-Xms200m", "-Xmx200m", "-Dfoo=bar")), command.toString());
        assertFalse(command.contains("-XX:TieredStopAtLevel=1"));
    }

    @Test
    void nodetoolTalksToTheNodesJmxPortOnLoopback() {
        List<String> command = NodeCommandLines.nodetool(3, base, runtime, java, List.of("getendpoints", "ks", "t", "k"));
        assertEquals(java.toString(), command.get(0));
        int main = command.indexOf("org.apache.cassandra.tools.NodeTool");
        assertEquals(List.of("-h", "127.0.0.1", "-p", "7201", "getendpoints", "ks", "t", "k"),
                command.subList(main + 1, command.size()));
        assertTrue(command.contains("-Duser.home=" + base.resolve("nodetool")));
        assertTrue(command.contains("java.base/sun.nio.ch=ALL-UNNAMED"));
    }
}
