package io.reactivecql.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Kills (SIGKILL) every node this JVM started and did not stop, when the JVM exits: test nodes hold
 * nothing worth a graceful shutdown, and SIGKILL takes 1.5 s where SIGTERM takes 6. A JVM that is
 * itself killed runs no hook: {@link PidFiles#reapAll} catches those nodes at the next start.
 */
final class KillOnExit {

    private static final Map<ProcessHandle, Path> LIVE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(KillOnExit::killAll, "embedded-cassandra-kill-on-exit"));
    }

    private KillOnExit() {
    }

    static void register(ProcessHandle process, Path pidFile) {
        LIVE.put(process, pidFile);
    }

    static void unregister(ProcessHandle process) {
        LIVE.remove(process);
    }

    private static void killAll() {
        LIVE.keySet().forEach(ProcessHandle::destroyForcibly);
        LIVE.forEach((process, pidFile) -> {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
                PidFiles.delete(pidFile);
            } catch (Exception e) {
                // leave the pid file: the next start reaps what is left
            }
        });
    }
}
