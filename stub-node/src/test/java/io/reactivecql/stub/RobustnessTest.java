package io.reactivecql.stub;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.Startup;
import io.reactivecql.protocol.response.Ready;
import io.reactivecql.protocol.response.error.ProtocolError;
import io.reactivecql.protocol.response.error.ServerError;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.response.result.VoidResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad clients, concurrency, lifecycle, and the gates: no leaks, no blocking on the event loop. */
class RobustnessTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private StubNode node;

    @BeforeEach
    void start() {
        node = StubNode.builder().eventLoopThreads(2).start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    /** A QUERY envelope whose body is garbage. */
    private static ByteBuf garbageQuery(ProtocolVersion version, int stream) {
        ByteBuf bytes = Unpooled.buffer();
        bytes.writeByte(version.code()).writeByte(0).writeShort(stream).writeByte(0x07).writeInt(3);
        bytes.writeBytes(new byte[] {1, 2, 3});
        return bytes;
    }

    @Test
    void undecodableRequestIsAnsweredKeptOpenAndReported() throws IOException {
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V4)) {
            client.writeRaw(garbageQuery(ProtocolVersion.V4, 5));
            Envelope answer = client.readEnvelope();
            assertEquals(5, answer.streamId());
            assertInstanceOf(ProtocolError.class, answer.message());
            assertInstanceOf(RowsResult.class, client.query("SELECT * FROM system.local"), "still open");
        }
        assertEquals(1, node.problems().size());
        AssertionError failure = assertThrows(AssertionError.class, node::close, "a strict node fails its test");
        assertTrue(failure.getMessage().contains("1 problem(s)"), failure.getMessage());
        assertEquals(1, failure.getSuppressed().length);
    }

    @Test
    void corruptFrameFromTheClientIsFatal() throws IOException {
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            // a bare envelope on a framed connection: its first bytes fail the header CRC24
            ByteBuf bare = new EnvelopeCodec(MessageCodecRegistry.defaults())
                    .encode(Envelope.request(ProtocolVersion.V5, 3, new Query("SELECT 1")), TestClient.ALLOC);
            client.writeRaw(bare);
            ProtocolError error = (ProtocolError) client.readEnvelope().message();
            assertTrue(error.message().startsWith("Corrupt frame: ") && error.message().contains("header CRC24 mismatch"),
                    error.message());
            assertTrue(client.isClosedByServer());
        }
        node.clearProblems();
    }

    @Test
    void changingVersionMidConnectionIsFatal() throws IOException {
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V4)) {
            ByteBuf v5 = new EnvelopeCodec(MessageCodecRegistry.defaults())
                    .encode(Envelope.request(ProtocolVersion.V5, 3, new Query("SELECT 1")), TestClient.ALLOC);
            client.writeRaw(v5);
            assertEquals(new ProtocolError("Invalid message version. Got 5 but previous messages on this connection "
                    + "had version 4"), client.readEnvelope().message());
            assertTrue(client.isClosedByServer());
        }
        node.clearProblems();
    }

    @Test
    void clientGoingAwayMidEnvelopeLeavesNoTrace() throws IOException {
        try (TestClient client = new TestClient(node.address(), ProtocolVersion.V5)) {
            client.writeRaw(Unpooled.wrappedBuffer(new byte[] {5, 0, 0, 1, 1, 0, 0, 0, 100, 1, 2}));
        }
        node.activity().awaitConnectionsClosed(1, WAIT);
        assertEquals(List.of(), node.problems());
    }

    @Test
    void blockingInAReplyFunctionIsCaughtByBlockHound() throws IOException {
        node.when("SELECT slowly").then(Reply.computed(r -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return VoidResult.INSTANCE;
        }));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            assertInstanceOf(ServerError.class, client.query("SELECT slowly"));
        }
        assertInstanceOf(BlockingOperationError.class, node.problems().get(0).getCause(),
                "BlockHound watches the stub's event loops");
        node.clearProblems();
    }

    @Test
    void manyConnectionsManyRequestsWithRandomDelays() throws Exception {
        for (int i = 0; i < 10; i++) {
            node.when("SELECT " + i).delay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(20))).thenVoid();
        }
        int connections = 8;
        int perConnection = 40;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                ProtocolVersion version = c % 2 == 0 ? ProtocolVersion.V4 : ProtocolVersion.V5;
                results.add(pool.submit(() -> {
                    int answered = 0;
                    try (TestClient client = TestClient.ready(node.address(), version, "lz4")) {
                        for (int i = 0; i < perConnection; i++) {
                            assertSame(VoidResult.INSTANCE, client.query("SELECT " + i % 10));
                            answered++;
                        }
                    }
                    return answered;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(perConnection, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(connections * perConnection, node.activity().count(RequestMatcher.any()));
        assertEquals(connections, node.activity().connectionsOpened());
        node.activity().awaitOpenConnections(0, WAIT);
        assertTrue(node.activity().streamIds().size() >= perConnection);
    }

    @Test
    void restartKeepsScriptAndPreparedStatements() throws IOException {
        node.when("SELECT v").thenVoid();
        int port = node.port();
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            node.restart();
            assertTrue(client.isClosedByServer());
        }
        assertEquals(port, node.port());
        assertTrue(node.isRunning());
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            assertEquals(VoidResult.INSTANCE, client.query("SELECT v"));
        }
    }

    @Test
    void disconnectAllKeepsListening() throws IOException {
        try (TestClient a = TestClient.ready(node.address(), ProtocolVersion.V4);
             TestClient b = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            node.activity().awaitOpenConnections(2, WAIT);
            node.disconnectAll();
            assertTrue(a.isClosedByServer());
            assertTrue(b.isClosedByServer());
        }
        try (TestClient c = new TestClient(node.address(), ProtocolVersion.V4)) {
            assertEquals(Ready.INSTANCE, c.request(Startup.of(null)));
        }
    }

    @Test
    void awaitingSomethingThatNeverHappensFailsWithWhatWasSeen() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> node.activity().awaitRequests(RequestMatcher.query("SELECT never"), 1, Duration.ofMillis(100)));
        assertTrue(error.getMessage().contains("timed out after PT0.1S"), error.getMessage());
    }

    @Test
    void waitingMethodsRefuseTheEventLoop() throws IOException {
        node.when("PUSH").then(Reply.computed(r -> {
            node.disconnectAll();
            return VoidResult.INSTANCE;
        }));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V4)) {
            assertInstanceOf(ServerError.class, client.query("PUSH"));
        }
        assertInstanceOf(IllegalStateException.class, node.problems().get(0).getCause());
        node.clearProblems();
    }
}
