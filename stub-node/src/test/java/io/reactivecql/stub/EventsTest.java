package io.reactivecql.stub;

import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Register;
import io.reactivecql.protocol.response.Ready;
import io.reactivecql.protocol.response.event.SchemaChange;
import io.reactivecql.protocol.response.event.SchemaChangeEvent;
import io.reactivecql.protocol.response.event.StatusChangeEvent;
import io.reactivecql.protocol.response.event.TopologyChangeEvent;
import io.reactivecql.protocol.response.result.RowsResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Server-pushed EVENTs reach exactly the connections that REGISTERed for their type. */
class EventsTest {

    private static final InetSocketAddress OTHER = new InetSocketAddress("127.0.0.2", 9042);

    private StubNode node;

    @BeforeEach
    void start() {
        node = StubNode.start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void registeredConnectionsReceiveEventsOnStreamMinusOne(ProtocolVersion version) throws IOException {
        try (TestClient control = TestClient.ready(node.address(), version);
             TestClient plain = TestClient.ready(node.address(), version)) {
            assertEquals(Ready.INSTANCE, control.request(Register.of(Register.STATUS_CHANGE, Register.SCHEMA_CHANGE)));

            StatusChangeEvent down = new StatusChangeEvent(StatusChangeEvent.Status.DOWN, OTHER);
            assertEquals(1, node.pushEvent(down), "only the registered connection");
            Envelope event = control.nextEvent();
            assertEquals(-1, event.streamId());
            assertEquals(down, event.message());

            SchemaChangeEvent schema = new SchemaChangeEvent(SchemaChange.keyspace(SchemaChange.ChangeType.CREATED, "ks"));
            assertEquals(1, node.pushEvent(schema));
            assertEquals(schema, control.nextEvent().message());

            assertEquals(0, node.pushEvent(new TopologyChangeEvent(TopologyChangeEvent.Change.NEW_NODE, OTHER)),
                    "nobody registered for topology changes");

            plain.soTimeout(200);
            assertThrows(SocketTimeoutException.class, plain::readEnvelope, "the unregistered connection got nothing");
        }
    }

    @Test
    void eventsInterleaveWithAnswers() throws IOException {
        try (TestClient control = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            control.request(Register.all());
            node.pushEvent(new StatusChangeEvent(StatusChangeEvent.Status.UP, OTHER));
            // the event arrives before the answer; the client keeps it aside
            assertInstanceOf(RowsResult.class, control.query("SELECT * FROM system.local"));
            assertEquals(new StatusChangeEvent(StatusChangeEvent.Status.UP, OTHER), control.nextEvent().message());
        }
    }

    @Test
    void registrationCanBeAwaitedBeforePushing() throws IOException {
        try (TestClient control = TestClient.ready(node.address(), ProtocolVersion.V4)) {
            control.send(Register.all());
            node.activity().awaitRequest(RequestMatcher.kind(RequestKind.REGISTER), Duration.ofSeconds(5));
            assertEquals(1, node.pushEvent(new TopologyChangeEvent(TopologyChangeEvent.Change.REMOVED_NODE, OTHER)));
            assertEquals(Ready.INSTANCE, control.readEnvelope().message());
            assertInstanceOf(TopologyChangeEvent.class, control.nextEvent().message());
        }
    }
}
