package io.reactivecql.samples.webflux;

import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's command: {@code java -jar target/webflux-app.jar --reactivecql.contact-points=...}
 * starts the application as its own process, which answers HTTP like {@code curl} would ask, and
 * stops cleanly on SIGTERM. Runs the jar the build repackaged (Failsafe runs after {@code package}).
 */
@RealCassandra
class AppProcessIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    @Test
    void theRepackagedJarStartsAnswersAndStops(CassandraCluster cluster) throws Exception {
        Path jar = Path.of(System.getProperty("webflux-app.jar", "target/webflux-app.jar"));
        assertThat(jar).as("run 'mvn package' first").isRegularFile();
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-Dio.netty.leakDetection.level=paranoid",
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--reactivecql.contact-points=" + CatalogueITSupport.contactPoints(cluster),
                "--reactivecql.local-datacenter=" + cluster.localDatacenter(),
                "--reactivecql.keyspace=catalogue_process",
                "--reactivecql.request-timeout=30s",
                "--reactivecql.connect-timeout=20s");
        // the output goes to a file: Process.destroy() would close a pipe before the shutdown is logged
        Path log = jar.resolveSibling("webflux-app-process.log");
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://localhost:" + port;
            HttpResponse<String> health = awaitUp(http, base + "/actuator/health/cassandra", app, log);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"products\":true");

            // curl -X POST localhost:PORT/products -H 'Content-Type: application/json' -d '{...}'
            String sku = "proc-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/products"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"" + sku + "\",\"name\":\"Green tea\","
                            + "\"category\":\"tea\",\"price\":4.50}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            // curl localhost:PORT/products/SKU
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(base + "/products/" + sku)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"sku\":\"" + sku + "\"").contains("\"price\":4.50").contains("\"version\":1");
            // curl -H 'Accept: application/x-ndjson' localhost:PORT/products
            HttpResponse<String> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/products"))
                    .header("Accept", "application/x-ndjson").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stream.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
            assertThat(stream.body().lines()).anyMatch(l -> l.contains("\"sku\":\"" + sku + "\""));
        } finally {
            app.toHandle().destroy(); // SIGTERM, like Ctrl-C or a container stop: graceful shutdown
            boolean exited = app.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(exited).as("the application stops within 60 s of SIGTERM").isTrue();
        }
        assertThat(Files.readString(log)).contains("Started CatalogueApplication").contains("Graceful shutdown complete")
                .doesNotContain("LEAK:").doesNotContain(" ERROR ").doesNotContain(" WARN ");
    }

    private static HttpResponse<String> awaitUp(HttpClient http, String url, Process app, Path log)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the application exited with " + app.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no healthy answer from " + url + " within " + STARTUP + ":\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
