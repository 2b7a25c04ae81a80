package io.reactivecql.internal.connection;

import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.EmbeddedCassandra;
import io.reactivecql.embedded.SharedCassandra;
import io.reactivecql.protocol.request.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;

import static io.reactivecql.internal.connection.Connections.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Heartbeats against a node that closes connections idle for 2 s ({@code native_transport_idle_timeout}):
 * with heartbeats every 500 ms the connection lives on, without them the node drops it.
 */
class HeartbeatIT {

    private static ReactorNettyConnectionFactory factory;
    private static InetSocketAddress node;

    @BeforeAll
    static void start() {
        assumeTrue(System.getenv(SharedCassandra.CONTACT_POINTS_VARIABLE) == null, "needs a node it configures");
        CassandraCluster cluster = SharedCassandra.acquire(EmbeddedCassandra.builder()
                .yaml("native_transport_idle_timeout", "2000ms"));
        factory = new ReactorNettyConnectionFactory();
        node = cluster.contactPoints().get(0);
    }

    @AfterAll
    static void stop() {
        if (factory != null) {
            factory.close().block(TIMEOUT);
        }
    }

    @Test
    void heartbeatKeepsAnIdleConnectionAlive() throws InterruptedException {
        CqlConnection connection = (CqlConnection) factory.connect(node, Connections.builder()
                .heartbeat(Duration.ofMillis(500)).build()).block(TIMEOUT);
        try {
            Thread.sleep(5_000);
            assertFalse(connection.isClosed(), "the node closed a connection that sent heartbeats");
            assertTrue(connection.heartbeatsSent() >= 5, connection.heartbeatsSent() + " heartbeats");
            assertTrue(Connections.releaseVersion(connection).startsWith("5.0"));
        } finally {
            connection.close().block(TIMEOUT);
        }
    }

    @Test
    void withoutHeartbeatTheNodeClosesTheIdleConnection() throws InterruptedException {
        CqlTransport connection = factory.connect(node, Connections.builder().heartbeat(Duration.ZERO).build())
                .block(TIMEOUT);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!connection.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(connection.isClosed(), "the node's idle timeout is in effect");
        Object outcome = connection.send(new Query(Connections.RELEASE_VERSION)).map(Object.class::cast)
                .onErrorResume(Mono::just).block(TIMEOUT);
        assertInstanceOf(ConnectionClosedException.class, outcome);
    }
}
