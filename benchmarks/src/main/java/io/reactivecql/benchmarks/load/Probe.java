package io.reactivecql.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run costs: this JVM's CPU time (OperatingSystemMXBean) and bytes allocated by its threads
 * (ThreadMXBean), and the CPU time of the server process (the real node or the null node), read as
 * differences between two {@link Snapshot}s.
 */
final class Probe {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One moment: wall clock, client CPU and allocation, server CPU (all in ns or bytes). */
    record Snapshot(long nanos, long clientCpuNanos, long allocatedBytes, long serverCpuNanos) {
    }

    private final long serverPid;

    /** @param serverPid the server's process id, or -1 when unknown (an external node) */
    Probe(long serverPid) {
        this.serverPid = serverPid;
        THREADS.setThreadAllocatedMemoryEnabled(true);
    }

    Snapshot snapshot() {
        return new Snapshot(System.nanoTime(), OS.getProcessCpuTime(), THREADS.getTotalThreadAllocatedBytes(),
                serverCpuNanos());
    }

    private long serverCpuNanos() {
        if (serverPid < 0) {
            return -1;
        }
        return ProcessHandle.of(serverPid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos)
                .orElse(-1L);
    }

    /** The 1-minute load average, as {@code uptime} shows it. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", OS.getSystemLoadAverage());
        }
    }
}
