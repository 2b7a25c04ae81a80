package io.reactivecql.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command lines of a node's JVM and of nodetool: Cassandra's jvm17-server.options and
 * jvm17-clients.options plus the test settings of shared/notes/real-cassandra.md.
 */
final class NodeCommandLines {

    /** First JVM argument of every node: lets the pid bookkeeping recognise a node's process. */
    static final String NODE_MARKER = "-Dreactivecql.cassandra.node=";

    private static final List<String> MODULE_FLAGS = List.of(
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED");

    private NodeCommandLines() {
    }

    /**
     * The node's full command. {@code setpriv} (when given) drops CAP_IPC_LOCK so that Cassandra's
     * mlockall fails harmlessly: as root it would lock ~200 MiB more per node. setpriv execs java,
     * so the pid stays the JVM's.
     */
    static List<String> daemon(ClusterSpec spec, int node, CassandraRuntime runtime, Path java,
                               Optional<Path> setpriv) {
        Path dir = spec.nodeDirectory(node);
        Path conf = NodeConfigFiles.confDirectory(dir);
        List<String> command = new ArrayList<>();
        setpriv.ifPresent(path -> command.addAll(List.of(path.toString(),
                "--bounding-set=-ipc_lock", "--inh-caps=-ipc_lock")));
        command.add(java.toString());
        // first, because the JDK reads only the first 4 KiB of /proc/<pid>/cmdline for ProcessHandle.Info
        command.add(NODE_MARKER + dir + "/");
        command.addAll(List.of(
                "-Xms" + Math.min(256, spec.heapMegabytes()) + "m", "-Xmx" + spec.heapMegabytes() + "m", "-Xss256k",
                "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-XX:+PerfDisableSharedMem",
                "-Djava.net.preferIPv4Stack=true", "-Djdk.attach.allowAttachSelf=true"));
        if (spec.fastStartup()) {
            // C2 compiles of 3 starting JVMs saturate 2 cores: C1 only nearly halves the start time
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(MODULE_FLAGS);
        command.add("-javaagent:" + runtime.jamm());
        command.addAll(List.of(
                "-Dcassandra-foreground=yes",
                "-Dcassandra.config=" + conf.resolve(NodeConfigFiles.YAML).toUri(),
                "-Dcassandra-rackdc.properties=" + conf.resolve(NodeConfigFiles.RACKDC).toUri(),
                "-Dlogback.configurationFile=" + conf.resolve(NodeConfigFiles.LOGBACK),
                "-Dcassandra.jmx.local.port=" + ClusterSpec.jmxPortOf(node),
                "-Dcassandra.storagedir=" + dir,
                "-Dcassandra.logdir=" + NodeConfigFiles.logDirectory(dir),
                "-Dcassandra.triggers_dir=" + dir.resolve("triggers"),
                "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                // test speed-ups: no gossip settling, short ring delay, no fsync, superuser at once
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.ring_delay_ms=1000",
                "-Dcassandra.superuser_setup_delay_ms=0",
                "-Dcassandra.skip_sync=true"));
        command.addAll(spec.jvmOptions());
        command.addAll(List.of("-cp", runtime.classpathArgument(), "org.apache.cassandra.service.CassandraDaemon"));
        return command;
    }

    /** nodetool against the JMX port of {@code node}; JMX listens on 127.0.0.1 only. */
    static List<String> nodetool(int node, Path baseDirectory, CassandraRuntime runtime, Path java,
                                 List<String> args) {
        Path home = baseDirectory.resolve("nodetool");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                // a short-lived client: C1 only and a small serial heap start fastest
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-XX:+PerfDisableSharedMem",
                "-Djava.net.preferIPv4Stack=true", "-Djdk.attach.allowAttachSelf=true"));
        command.addAll(MODULE_FLAGS);
        command.addAll(List.of(
                "-Duser.home=" + home,
                "-Dcassandra.storagedir=" + home,
                "-Dlogback.configurationFile=" + home.resolve("logback-tools.xml"),
                "-cp", runtime.classpathArgument(),
                "org.apache.cassandra.tools.NodeTool",
                "-h", "127.0.0.1", "-p", String.valueOf(ClusterSpec.jmxPortOf(node))));
        command.addAll(args);
        return command;
    }

    /** Logback for nodetool: warnings to stderr, so stdout holds the command's output only. */
    static String toolsLogback() {
        return """
                <configuration>
                  <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>%-5level %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="STDERR"/></root>
                </configuration>
                """;
    }

    /** setpriv, when this process runs as root and util-linux's setpriv is installed. */
    static Optional<Path> setprivIfRoot() {
        if (!runningAsRoot()) {
            return Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : (path + ":/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "setpriv"))) {
                return Optional.of(Path.of(dir, "setpriv"));
            }
        }
        return Optional.empty();
    }

    private static boolean runningAsRoot() {
        try {
            // "Uid:\t<real>\t<effective>\t..." in Linux's /proc
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return ids.length > 1 && ids[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no setpriv either
        }
        return false;
    }
}
