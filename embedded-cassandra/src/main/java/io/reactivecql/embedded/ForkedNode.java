package io.reactivecql.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A node in its own JVM, driven through its {@link Process} and Unix signals. */
final class ForkedNode implements CassandraNode {

    private static final Logger LOG = LoggerFactory.getLogger(ForkedNode.class);
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final ForkedCluster cluster;
    private final ClusterSpec spec;
    private final int id;
    private final Path directory;
    private final Path pidFile;

    private volatile Process process;
    private volatile long lastPid = -1;
    /** true from launch until stop/kill: a process that died while true crashed */
    private volatile boolean expectedAlive;
    private volatile boolean paused;

    ForkedNode(ForkedCluster cluster, ClusterSpec spec, int id) {
        this.cluster = cluster;
        this.spec = spec;
        this.id = id;
        this.directory = spec.nodeDirectory(id);
        this.pidFile = PidFiles.pidFile(spec.baseDirectory(), id);
    }

    /** Replaces the node's directory by a fresh one holding only its configuration. */
    void prepareFreshDirectory() {
        deleteRecursively(directory);
        try {
            for (String sub : List.of("data", "commitlog", "saved_caches", "hints", "cdc_raw", "triggers", "tmp", "logs")) {
                Files.createDirectories(directory.resolve(sub));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        NodeConfigFiles.write(spec, id);
    }

    /** Starts the JVM without waiting for it to be ready. */
    synchronized void launch() {
        if (cluster.isClosed()) {
            throw new IllegalStateException("cannot start node " + id + ": its cluster is closed");
        }
        if (isRunning()) {
            return;
        }
        List<String> command = NodeCommandLines.daemon(spec, id, cluster.runtime(), cluster.java(),
                cluster.setpriv());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(NodeConfigFiles.logDirectory(directory).resolve("stdout.log").toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EmbeddedCassandraException("cannot start node " + id + ": " + command.get(0), e);
        }
        lastPid = process.pid();
        expectedAlive = true;
        paused = false;
        PidFiles.write(pidFile, PidFiles.PidRecord.ofThisJvm(lastPid, directory));
        KillOnExit.register(process.toHandle(), pidFile);
        LOG.info("started Cassandra node {} on {} (pid {}, {})", id, address(), lastPid, directory);
    }

    /** Whether the JVM died although nobody stopped it. */
    boolean crashed() {
        Process current = process;
        return expectedAlive && current != null && !current.isAlive();
    }

    /** The last lines of the node's logs, for failure messages. */
    String logTail(int lines) {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("system.log", "stdout.log")) {
            Path file = NodeConfigFiles.logDirectory(directory).resolve(name);
            if (Files.isRegularFile(file)) {
                List<String> all = readLines(file);
                out.append("--- ").append(file).append(" (last ").append(Math.min(lines, all.size())).append(" lines)\n");
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(line -> out.append(line).append('\n'));
            }
        }
        return out.toString();
    }

    Optional<Integer> exitCode() {
        Process current = process;
        return current != null && !current.isAlive() ? Optional.of(current.exitValue()) : Optional.empty();
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String address() {
        return ClusterSpec.addressOf(id);
    }

    @Override
    public InetSocketAddress nativeAddress() {
        return new InetSocketAddress(address(), ClusterSpec.NATIVE_PORT);
    }

    @Override
    public String datacenter() {
        return spec.datacenterOf(id);
    }

    @Override
    public String rack() {
        return spec.rackOf(id);
    }

    @Override
    public int jmxPort() {
        return ClusterSpec.jmxPortOf(id);
    }

    @Override
    public long pid() {
        if (lastPid < 0) {
            throw new IllegalStateException("node " + id + " was never started");
        }
        return lastPid;
    }

    @Override
    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    @Override
    public boolean isPaused() {
        return paused && isRunning();
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public Path logFile() {
        return NodeConfigFiles.logDirectory(directory).resolve("system.log");
    }

    @Override
    public String log() {
        try {
            return Files.isRegularFile(logFile()) ? Files.readString(logFile(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void stop() {
        Process current = process;
        expectedAlive = false;
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        if (paused) {
            // a stopped process only acts on SIGTERM once continued
            signal("CONT");
        }
        try {
            if (!current.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("node {} ignored SIGTERM for {} s: killing it", id, STOP_TIMEOUT_SECONDS);
                awaitKilled(current);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedCassandraException("interrupted while stopping node " + id, e);
        }
        forget(current);
    }

    @Override
    public synchronized void kill() {
        Process current = process;
        expectedAlive = false;
        if (current == null) {
            return;
        }
        awaitKilled(current);
        forget(current);
    }

    /** SIGKILL without waiting: {@link #awaitKilled()} finishes the job (to kill nodes in parallel). */
    void sendKill() {
        expectedAlive = false;
        Process current = process;
        if (current != null) {
            current.destroyForcibly();
        }
    }

    synchronized void awaitKilled() {
        Process current = process;
        if (current != null) {
            awaitKilled(current);
            forget(current);
        }
    }

    @Override
    public synchronized void pause() {
        requireRunning("pause");
        signal("STOP");
        paused = true;
    }

    @Override
    public synchronized void resume() {
        requireRunning("resume");
        signal("CONT");
        paused = false;
    }

    @Override
    public void start() {
        launch();
        cluster.awaitReady();
    }

    @Override
    public void restart() {
        stop();
        start();
    }

    @Override
    public String nodetool(String... args) {
        requireRunning("run nodetool against");
        return NodeToolRunner.run(spec.baseDirectory(), id, cluster.runtime(), cluster.java(), List.of(args));
    }

    @Override
    public String toString() {
        return "node " + id + " (" + address() + (lastPid < 0 ? "" : ", pid " + lastPid) + ")";
    }

    private void awaitKilled(Process current) {
        current.destroyForcibly();
        try {
            if (!current.waitFor(10, TimeUnit.SECONDS)) {
                throw new EmbeddedCassandraException("node " + id + " (pid " + current.pid()
                        + ") is still alive 10 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedCassandraException("interrupted while killing node " + id, e);
        }
    }

    private void forget(Process current) {
        paused = false;
        KillOnExit.unregister(current.toHandle());
        PidFiles.delete(pidFile);
    }

    private void requireRunning(String action) {
        if (!isRunning()) {
            throw new IllegalStateException("cannot " + action + " node " + id + ": it is not running");
        }
    }

    /** {@code kill -<signal> <pid>}: the JDK sends only TERM and KILL itself. */
    private void signal(String name) {
        long pid = pid();
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new EmbeddedCassandraException("kill -s " + name + " " + pid + " failed: " + output);
            }
        } catch (IOException e) {
            throw new EmbeddedCassandraException("cannot run kill to send SIG" + name + " to node " + id, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedCassandraException("interrupted while sending SIG" + name + " to node " + id, e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of("(unreadable: " + e + ")");
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
