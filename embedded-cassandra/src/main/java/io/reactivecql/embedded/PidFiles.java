package io.reactivecql.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pid of each running node, one file per node ({@code <base>/node<n>.pid}), so that a node a
 * crashed JVM left behind is found and killed at the next start. A process is only ever found by
 * its recorded pid, never by name, and is killed only if its command line still names the node's
 * directory, so a reused pid is never killed. Each file also records the JVM that started the node:
 * while that JVM lives, the node is in use, not left behind.
 */
final class PidFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PidFiles.class);
    private static final Pattern PID_FILE = Pattern.compile("node(\\d+)\\.pid");

    /** What {@link #reap} found. */
    enum Outcome {
        /** the recorded process is gone: the file was stale */
        DEAD,
        /** the recorded process was a node left behind: killed */
        KILLED,
        /** the recorded pid now belongs to some other process: left alone */
        NOT_OURS,
        /** the node's JVM is alive and its starting JVM too: in use, left alone, file kept */
        IN_USE
    }

    /**
     * One pid file's content.
     *
     * @param pid           the node's JVM
     * @param nodeDirectory the node's directory, which its command line names
     * @param ownerPid      the JVM that started the node
     * @param ownerStart    that JVM's start, to tell it from a later process with the same pid
     */
    record PidRecord(long pid, Path nodeDirectory, long ownerPid, Instant ownerStart) {

        /** A record of {@code pid} started by this JVM. */
        static PidRecord ofThisJvm(long pid, Path nodeDirectory) {
            ProcessHandle self = ProcessHandle.current();
            return new PidRecord(pid, nodeDirectory, self.pid(), startOf(self).orElse(Instant.EPOCH));
        }
    }

    private PidFiles() {
    }

    static Path pidFile(Path baseDirectory, int node) {
        return baseDirectory.resolve("node" + node + ".pid");
    }

    static void write(Path file, PidRecord record) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(record.pid()));
        properties.setProperty("dir", record.nodeDirectory().toString());
        properties.setProperty("owner", Long.toString(record.ownerPid()));
        properties.setProperty("ownerStart", Long.toString(record.ownerStart().toEpochMilli()));
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temp)) {
                properties.store(out, "a Cassandra node started by io.reactivecql.embedded");
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pid file " + file, e);
        }
    }

    /** The record in {@code file}, empty if there is none or it is unreadable (then it is garbage). */
    static Optional<PidRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
            return Optional.of(new PidRecord(
                    Long.parseLong(properties.getProperty("pid")),
                    Path.of(properties.getProperty("dir")),
                    Long.parseLong(properties.getProperty("owner", "-1")),
                    Instant.ofEpochMilli(Long.parseLong(properties.getProperty("ownerStart", "0")))));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable pid file {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete pid file " + file, e);
        }
    }

    /**
     * Reaps every pid file under {@code baseDirectory}: kills nodes left behind, deletes stale
     * files. A node still in use by a live JVM is left alone, but is an error when it is one of
     * {@code needed} (starting would clash with it on its addresses and directory).
     */
    static void reapAll(Path baseDirectory, Set<Integer> needed) {
        if (!Files.isDirectory(baseDirectory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(baseDirectory, "node*.pid")) {
            for (Path file : files) {
                Matcher matcher = PID_FILE.matcher(file.getFileName().toString());
                if (!matcher.matches()) {
                    continue;
                }
                int node = Integer.parseInt(matcher.group(1));
                if (reap(file) == Outcome.IN_USE && needed.contains(node)) {
                    PidRecord record = read(file).orElseThrow();
                    throw new EmbeddedCassandraException("node " + node + " (pid " + record.pid() + ", "
                            + record.nodeDirectory() + ") is still in use by JVM " + record.ownerPid()
                            + (record.ownerPid() == ProcessHandle.current().pid()
                            ? " (this one): close the other cluster first (SharedCassandra.release() for the shared one)"
                            : ": stop that JVM first, or give this one another "
                            + EmbeddedCassandra.BASE_DIRECTORY_PROPERTY));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list pid files in " + baseDirectory, e);
        }
    }

    /** Deals with one pid file as described by {@link Outcome}; deletes it unless IN_USE. */
    static Outcome reap(Path file) {
        Optional<PidRecord> maybeRecord = read(file);
        if (maybeRecord.isEmpty()) {
            delete(file);
            return Outcome.DEAD;
        }
        PidRecord record = maybeRecord.get();
        Optional<ProcessHandle> process = ProcessHandle.of(record.pid()).filter(ProcessHandle::isAlive);
        Outcome outcome;
        if (process.isEmpty()) {
            outcome = Outcome.DEAD;
        } else if (!isNodeProcess(process.get(), record.nodeDirectory())) {
            LOG.info("pid {} of {} now belongs to another process: not touching it", record.pid(), file);
            outcome = Outcome.NOT_OURS;
        } else if (isAlive(record.ownerPid(), record.ownerStart())) {
            return Outcome.IN_USE;
        } else {
            LOG.info("killing Cassandra node left behind by a previous run: pid {} in {}",
                    record.pid(), record.nodeDirectory());
            killAndWait(process.get());
            outcome = Outcome.KILLED;
        }
        delete(file);
        return outcome;
    }

    /** Whether {@code process}'s command line names {@code nodeDirectory} (a directory, hence the slash). */
    static boolean isNodeProcess(ProcessHandle process, Path nodeDirectory) {
        String marker = nodeDirectory.toAbsolutePath() + "/";
        return process.info().commandLine().map(line -> line.contains(marker)).orElse(false);
    }

    /** SIGKILL to the process and its descendants; waits up to 10 s for it to be gone. */
    static void killAndWait(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new EmbeddedCassandraException("pid " + process.pid() + " did not die within 10 s of SIGKILL", e);
        }
    }

    private static boolean isAlive(long pid, Instant start) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(PidFiles::startOf)
                // the start time as read from /proc varies by a few ms between reads
                .map(actual -> Math.abs(actual.toEpochMilli() - start.toEpochMilli()) < 1000)
                .orElse(false);
    }

    private static Optional<Instant> startOf(ProcessHandle process) {
        return process.info().startInstant();
    }
}
