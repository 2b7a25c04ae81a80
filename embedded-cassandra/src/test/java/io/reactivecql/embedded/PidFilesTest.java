package io.reactivecql.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pid bookkeeping with stand-in processes ({@code sh}, {@code sleep}) instead of Cassandra. */
class PidFilesTest {

    @TempDir
    Path base;

    private final List<Process> spawned = new ArrayList<>();

    @AfterEach
    void killStandIns() {
        for (Process process : spawned) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void recordsRoundTrip() {
        Path file = PidFiles.pidFile(base, 2);
        assertEquals(base.resolve("node2.pid"), file);
        PidFiles.PidRecord record = new PidFiles.PidRecord(1234, base.resolve("node2"), 99, Instant.ofEpochMilli(5000));
        PidFiles.write(file, record);
        assertEquals(record, PidFiles.read(file).orElseThrow());
    }

    @Test
    void staleFileOfADeadProcessIsDeleted() throws Exception {
        long deadPid = deadPid();
        Path file = PidFiles.pidFile(base, 1);
        PidFiles.write(file, new PidFiles.PidRecord(deadPid, base.resolve("node1"), deadPid, Instant.EPOCH));

        assertEquals(PidFiles.Outcome.DEAD, PidFiles.reap(file));
        assertFalse(Files.exists(file));
    }

    @Test
    void aLiveProcessThatIsNotOursIsNeverKilled() throws Exception {
        Process stranger = spawn("sleep", "30");
        Path file = PidFiles.pidFile(base, 1);
        PidFiles.write(file, new PidFiles.PidRecord(stranger.pid(), base.resolve("node1"), deadPid(), Instant.EPOCH));

        assertEquals(PidFiles.Outcome.NOT_OURS, PidFiles.reap(file));
        assertTrue(stranger.isAlive());
        assertFalse(Files.exists(file));
    }

    @Test
    void aNodeLeftBehindByADeadJvmIsKilled() throws Exception {
        Process leftBehind = fakeNode(base.resolve("node1"));
        Path file = PidFiles.pidFile(base, 1);
        PidFiles.write(file, new PidFiles.PidRecord(leftBehind.pid(), base.resolve("node1"), deadPid(), Instant.EPOCH));

        assertEquals(PidFiles.Outcome.KILLED, PidFiles.reap(file));
        assertTrue(leftBehind.waitFor(5, TimeUnit.SECONDS));
        assertFalse(Files.exists(file));
    }

    @Test
    void aSimilarDirectoryIsNotTheNodesDirectory() throws Exception {
        Process node10 = fakeNode(base.resolve("node10"));
        Path file = PidFiles.pidFile(base, 1);
        PidFiles.write(file, new PidFiles.PidRecord(node10.pid(), base.resolve("node1"), deadPid(), Instant.EPOCH));

        assertEquals(PidFiles.Outcome.NOT_OURS, PidFiles.reap(file));
        assertTrue(node10.isAlive());
    }

    @Test
    void aNodeWhoseJvmStillRunsIsInUse() throws Exception {
        Process node = fakeNode(base.resolve("node1"));
        Path file = PidFiles.pidFile(base, 1);
        PidFiles.write(file, PidFiles.PidRecord.ofThisJvm(node.pid(), base.resolve("node1")));

        assertEquals(PidFiles.Outcome.IN_USE, PidFiles.reap(file));
        assertTrue(node.isAlive());
        assertTrue(Files.exists(file));

        PidFiles.reapAll(base, Set.of(2, 3));
        assertTrue(node.isAlive());
        EmbeddedCassandraException e = assertThrows(EmbeddedCassandraException.class,
                () -> PidFiles.reapAll(base, Set.of(1)));
        assertTrue(e.getMessage().contains("still in use"), e.getMessage());
        assertTrue(node.isAlive());
    }

    @Test
    void reapAllHandlesEveryNodeFileAndIgnoresOthers() throws Exception {
        Process leftBehind = fakeNode(base.resolve("node3"));
        PidFiles.write(PidFiles.pidFile(base, 3),
                new PidFiles.PidRecord(leftBehind.pid(), base.resolve("node3"), deadPid(), Instant.EPOCH));
        PidFiles.write(PidFiles.pidFile(base, 1),
                new PidFiles.PidRecord(deadPid(), base.resolve("node1"), deadPid(), Instant.EPOCH));
        Files.writeString(base.resolve("node2.pid"), "garbage=\n");
        Files.writeString(base.resolve("other.pid"), "pid=1\n");

        PidFiles.reapAll(base, Set.of(1));

        assertTrue(leftBehind.waitFor(5, TimeUnit.SECONDS));
        assertFalse(Files.exists(base.resolve("node1.pid")));
        assertFalse(Files.exists(base.resolve("node2.pid")));
        assertFalse(Files.exists(base.resolve("node3.pid")));
        assertTrue(Files.exists(base.resolve("other.pid")));
    }

    @Test
    void reapAllOfAMissingDirectoryDoesNothing() {
        PidFiles.reapAll(base.resolve("absent"), Set.of(1));
    }

    /** A process whose command line names {@code nodeDirectory/}, like a node's marker argument. */
    private Process fakeNode(Path nodeDirectory) throws Exception {
        Process process = spawn("sh", "-c", "sleep 30; true", nodeDirectory + "/");
        assertTrue(PidFiles.isNodeProcess(process.toHandle(), nodeDirectory));
        return process;
    }

    private Process spawn(String... command) throws Exception {
        Process process = new ProcessBuilder(command).start();
        spawned.add(process);
        return process;
    }

    private long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
