package io.reactivecql.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The null node's JVM ({@link NullNodeMain}), started with this JVM's classpath and ended with it. */
final class NullNode implements AutoCloseable {

    final Process process;
    final InetSocketAddress address;
    final String datacenter;

    private NullNode(Process process, InetSocketAddress address, String datacenter) {
        this.process = process;
        this.address = address;
        this.datacenter = datacenter;
    }

    static NullNode start(String host) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), NullNodeMain.class.getName(), host))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("NULL-NODE ")) {
                String[] parts = line.split(" ");
                return new NullNode(process, new InetSocketAddress(host, Integer.parseInt(parts[1])), parts[2]);
            }
        }
        process.destroy();
        throw new IOException("the null node exited before listening (exit " + exitCode(process) + ")");
    }

    private static String exitCode(Process process) {
        try {
            return String.valueOf(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
