package io.reactivecql.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code org.apache.cassandra.tools.NodeTool} in its own short-lived JVM, like the nodetool script. */
final class NodeToolRunner {

    private static final long TIMEOUT_SECONDS = 60;

    private NodeToolRunner() {
    }

    static String run(Path baseDirectory, int node, CassandraRuntime runtime, Path java, List<String> args) {
        Path home = baseDirectory.resolve("nodetool");
        List<String> command = NodeCommandLines.nodetool(node, baseDirectory, runtime, java, args);
        Path stdout = null;
        Path stderr = null;
        try {
            Files.createDirectories(home);
            Path logback = home.resolve("logback-tools.xml");
            if (!Files.exists(logback)) {
                Files.writeString(logback, NodeCommandLines.toolsLogback());
            }
            // output goes to files, not pipes: nothing to drain, and a hung nodetool cannot block us
            stdout = Files.createTempFile(home, "out", ".txt");
            stderr = Files.createTempFile(home, "err", ".txt");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedCassandraException("nodetool " + String.join(" ", args) + " on node " + node
                        + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new EmbeddedCassandraException("nodetool " + String.join(" ", args) + " on node " + node
                        + " exited with " + process.exitValue() + ":\n" + out
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run nodetool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedCassandraException("interrupted while running nodetool", e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temp file left in the nodetool directory is harmless
            }
        }
    }
}
