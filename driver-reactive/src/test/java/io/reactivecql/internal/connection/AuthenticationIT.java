package io.reactivecql.internal.connection;

import io.reactivecql.api.auth.AuthProvider;
import io.reactivecql.api.auth.Authenticator;
import io.reactivecql.api.auth.PlainTextAuthProvider;
import io.reactivecql.api.errors.AuthenticationException;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.protocol.ProtocolVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.reactivecql.internal.connection.Connections.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SASL PLAIN against a node with PasswordAuthenticator (superuser cassandra/cassandra). */
@RealCassandra(authenticator = "PasswordAuthenticator")
class AuthenticationIT {

    private static ReactorNettyConnectionFactory factory;
    private static InetSocketAddress node;

    /** Counts the SASL exchanges started: one per connection attempt that reached AUTHENTICATE. */
    static final class CountingAuthProvider implements AuthProvider {
        final AtomicInteger exchanges = new AtomicInteger();
        private final AuthProvider delegate;

        CountingAuthProvider(String user, String password) {
            delegate = new PlainTextAuthProvider(user, password);
        }

        @Override
        public Authenticator newAuthenticator(InetSocketAddress endpoint, String serverAuthenticator) {
            exchanges.incrementAndGet();
            return delegate.newAuthenticator(endpoint, serverAuthenticator);
        }
    }

    @BeforeAll
    static void start(CassandraCluster cluster) {
        factory = new ReactorNettyConnectionFactory();
        node = cluster.contactPoints().get(0);
    }

    @AfterAll
    static void stop() {
        factory.close().block(TIMEOUT);
    }

    @ParameterizedTest(name = "configured {0}, compression {1}")
    @CsvSource(nullValues = "none", value = {"none, none, V5", "V4, none, V4", "none, lz4, V5", "V4, snappy, V4"})
    void rightCredentialsConnect(ProtocolVersion configured, String compression, ProtocolVersion expected) {
        CountingAuthProvider auth = new CountingAuthProvider("cassandra", "cassandra");
        CqlTransport connection = factory.connect(node, Connections.builder().version(configured)
                .compression(compression).auth(auth).build()).block(TIMEOUT);
        try {
            assertEquals(expected, connection.protocolVersion());
            assertTrue(Connections.releaseVersion(connection).startsWith("5.0"));
            assertEquals(1, auth.exchanges.get());
        } finally {
            connection.close().block(TIMEOUT);
        }
    }

    @Test
    void wrongPasswordFailsQuicklyAndOnlyOnce() {
        CountingAuthProvider auth = new CountingAuthProvider("cassandra", "wrong");
        long start = System.nanoTime();
        Object error = factory.connect(node, Connections.builder().auth(auth).build())
                .map(Object.class::cast)
                .onErrorResume(e -> reactor.core.publisher.Mono.just(e))
                .block(TIMEOUT);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        AuthenticationException refused = assertInstanceOf(AuthenticationException.class, error);
        assertTrue(refused.getMessage().contains("incorrect"), refused.getMessage());
        assertEquals(node, refused.endpoint());
        assertEquals(1, auth.exchanges.get(), "one attempt: no retry, no fallback to v4");
        assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "took " + elapsed);
    }

    @Test
    void missingCredentialsFail() {
        Object error = factory.connect(node, Connections.config(null, null))
                .map(Object.class::cast)
                .onErrorResume(e -> reactor.core.publisher.Mono.just(e))
                .block(TIMEOUT);
        assertInstanceOf(AuthenticationException.class, error);
    }
}
