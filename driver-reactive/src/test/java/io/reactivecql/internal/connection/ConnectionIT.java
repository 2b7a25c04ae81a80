package io.reactivecql.internal.connection;

import io.reactivecql.api.errors.ConnectionClosedException;
import io.reactivecql.embedded.CassandraCluster;
import io.reactivecql.embedded.RealCassandra;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.Register;
import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.event.SchemaChangeEvent;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.response.result.SchemaChangeResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.reactivecql.internal.connection.Connections.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connections to a real Cassandra 5.0 node: negotiation, compression, multiplexing, events, close. */
@RealCassandra
class ConnectionIT {

    private static final int BURST = 2_000;

    private static ReactorNettyConnectionFactory factory;
    private static InetSocketAddress node;

    @BeforeAll
    static void start(CassandraCluster cluster) {
        factory = new ReactorNettyConnectionFactory();
        node = cluster.contactPoints().get(0);
    }

    @AfterAll
    static void stop() {
        factory.close().block(TIMEOUT);
    }

    @ParameterizedTest(name = "configured {0}, compression {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
        "none, none,   V5",
        "V4,   none,   V4",
        "V5,   lz4,    V5",
        "V4,   lz4,    V4",
        "V4,   snappy, V4",
        "none, snappy, V4",
        "none, lz4,    V5",
    })
    void queriesAndMultiplexesABurst(ProtocolVersion configured, String compression, ProtocolVersion expected) {
        CqlTransport connection = factory.connect(node, Connections.config(configured, compression)).block(TIMEOUT);
        try {
            assertEquals(expected, connection.protocolVersion());
            assertTrue(Connections.releaseVersion(connection).startsWith("5.0"));

            long flushesBefore = ((CqlConnection) connection).flushes();
            AtomicInteger maxInFlight = new AtomicInteger();
            List<Envelope> answers = Flux.range(0, BURST)
                    .flatMap(i -> connection.send(new Query("SELECT key, release_version FROM system.local WHERE key = 'local'"))
                            .doOnNext(answer -> maxInFlight.accumulateAndGet(connection.inFlight(), Math::max)),
                            BURST)
                    .collectList()
                    .block(Duration.ofSeconds(60));
            assertEquals(BURST, answers.size());
            for (Envelope answer : answers) {
                assertEquals(1, ((RowsResult) answer.message()).rowCount());
            }
            assertTrue(maxInFlight.get() > 100, "requests were multiplexed: up to " + maxInFlight + " in flight");
            long flushes = ((CqlConnection) connection).flushes() - flushesBefore;
            LoggerFactory.getLogger(ConnectionIT.class).info("{} {}: {} requests, up to {} in flight, {} flushes",
                    expected, compression, BURST, maxInFlight, flushes);
            assertTrue(flushes < BURST / 4, "writes were coalesced: " + flushes + " flushes for " + BURST + " requests");
            assertEquals(0, connection.inFlight());
        } finally {
            connection.close().block(TIMEOUT);
        }
        assertTrue(connection.isClosed());
    }

    @Test
    void closeWhileRequestsAreInFlightFailsThem() {
        CqlTransport connection = factory.connect(node, Connections.config(null, null)).block(TIMEOUT);
        AtomicInteger answered = new AtomicInteger();
        Mono<List<Throwable>> errors = Flux.range(0, BURST)
                .flatMap(i -> connection.send(new Query(Connections.RELEASE_VERSION))
                        .doOnNext(a -> answered.incrementAndGet())
                        .then(Mono.<Throwable>empty())
                        .onErrorResume(e -> Mono.just(e)), BURST)
                .collectList()
                .cache();
        errors.subscribe();
        connection.close().block(TIMEOUT);
        List<Throwable> failures = errors.block(TIMEOUT);
        assertTrue(!failures.isEmpty(), "some requests were still in flight");
        for (Throwable failure : failures) {
            assertInstanceOf(ConnectionClosedException.class, failure);
        }
        assertEquals(BURST, failures.size() + answered.get());
        assertTrue(connection.isClosed());
        assertInstanceOf(ConnectionClosedException.class, connection.send(new Query(Connections.RELEASE_VERSION))
                .map(Object.class::cast).onErrorResume(Mono::just).block(TIMEOUT));
    }

    @Test
    void registeredConnectionReceivesSchemaChangeEvents() {
        CqlTransport control = factory.connect(node, Connections.builder().events(Register.SCHEMA_CHANGE).build())
                .block(TIMEOUT);
        CqlTransport other = factory.connect(node, Connections.config(null, null)).block(TIMEOUT);
        try {
            Mono<Envelope> event = control.events().next().cache();
            event.subscribe();
            String keyspace = "events_" + System.nanoTime();
            Envelope created = other.send(new Query("CREATE KEYSPACE " + keyspace
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}")).block(TIMEOUT);
            assertInstanceOf(SchemaChangeResult.class, created.message());

            Envelope received = event.block(TIMEOUT);
            assertEquals(-1, received.streamId());
            SchemaChange change = ((SchemaChangeEvent) received.message()).change();
            assertEquals(SchemaChange.ChangeType.CREATED, change.change());
            assertEquals(keyspace, change.keyspace());
            other.send(new Query("DROP KEYSPACE " + keyspace)).block(TIMEOUT);
        } finally {
            control.close().block(TIMEOUT);
            other.close().block(TIMEOUT);
        }
    }

    @Test
    void useKeyspaceWhenConfigured() {
        CqlTransport connection = factory.connect(node, Connections.builder().keyspace("system").build()).block(TIMEOUT);
        try {
            Envelope answer = connection.send(new Query("SELECT release_version FROM local")).block(TIMEOUT);
            assertTrue(Connections.firstText(answer).startsWith("5.0"));
        } finally {
            connection.close().block(TIMEOUT);
        }
    }
}
