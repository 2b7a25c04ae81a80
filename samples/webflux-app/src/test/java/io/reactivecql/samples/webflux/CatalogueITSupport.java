package io.reactivecql.samples.webflux;

import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.embedded.SharedCassandra;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The application on a random port, on the shared real Cassandra node of this JVM. Every subclass
 * gets the same Spring context (cached), so the application starts once for all of them.
 */
@RealCassandra
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = CatalogueApplication.class)
@Import(CatalogueTestConfiguration.class)
public abstract class CatalogueITSupport {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void cassandra(DynamicPropertyRegistry registry) {
        registry.add("reactivecql.contact-points", () -> contactPoints(SharedCassandra.acquire(1)));
        registry.add("reactivecql.local-datacenter", () -> SharedCassandra.acquire(1).localDatacenter());
        // a loaded 2-core CI machine: DDL and schema agreement can take seconds
        registry.add("reactivecql.request-timeout", () -> "30s");
        registry.add("reactivecql.connect-timeout", () -> "20s");
        registry.add("reactivecql.startup-timeout", () -> "120s");
    }

    static String contactPoints(CassandraCluster cluster) {
        return cluster.contactPoints().stream()
                .map(a -> a.getHostString() + ":" + a.getPort())
                .collect(Collectors.joining(","));
    }

    /** A client of the running server, over real HTTP. */
    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
    }
}
