package io.reactivecql.stub;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.frame.FrameDecoder;
import io.reactivecql.protocol.frame.FrameFormat;
import io.reactivecql.protocol.request.Options;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.response.Supported;
import io.reactivecql.protocol.response.error.Invalid;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.response.result.VoidResult;
import io.reactivecql.protocol.types.PrimitiveType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every fault kind, as a client sees it. */
class FaultTest {

    private static final String Q = "SELECT * FROM ks.faulty";
    private static final Duration WAIT = Duration.ofSeconds(5);

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
    void delayHoldsTheAnswerWithoutBlockingOthers(ProtocolVersion version) throws IOException {
        node.when(Q).delay(Duration.ofMillis(300)).thenVoid();
        node.when("SELECT now").thenVoid();
        try (TestClient client = TestClient.ready(node.address(), version)) {
            long start = System.nanoTime();
            int slow = client.send(new Query(Q));
            int fast = client.send(new Query("SELECT now"));
            assertEquals(fast, client.readEnvelope().streamId(), "the undelayed answer overtakes");
            Envelope delayed = client.readEnvelope();
            long elapsed = System.nanoTime() - start;
            assertEquals(slow, delayed.streamId());
            assertEquals(VoidResult.INSTANCE, delayed.message());
            assertTrue(elapsed >= Duration.ofMillis(300).toNanos(), "answered after " + elapsed / 1_000_000 + " ms");
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void noAnswerLetsTheClientTimeOut(ProtocolVersion version) throws IOException {
        node.when(Q).once().thenNoAnswer();
        node.when(RequestMatcher.kind(RequestKind.OPTIONS)).thenNoAnswer(); // heartbeats unanswered
        try (TestClient client = TestClient.ready(node.address(), version)) {
            client.soTimeout(300);
            client.send(new Query(Q));
            assertThrows(SocketTimeoutException.class, client::readEnvelope);
            client.send(Options.INSTANCE);
            assertThrows(SocketTimeoutException.class, client::readEnvelope);
            client.soTimeout(5_000);
            assertInstanceOf(Invalid.class, client.query(Q),
                    "the connection still works; the prime was used up");
        }
        assertEquals(2, node.activity().count(Q));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void droppedConnectionIsEof(ProtocolVersion version) throws IOException {
        node.when(Q).thenDropConnection();
        try (TestClient client = TestClient.ready(node.address(), version)) {
            client.send(new Query(Q));
            assertThrows(EOFException.class, client::readEnvelope);
        }
        node.activity().awaitConnectionsClosed(1, WAIT);
    }

    @Test
    void resetConnectionIsAnRst() throws IOException {
        node.when(Q).thenResetConnection();
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            client.send(new Query(Q));
            SocketException reset = assertThrows(SocketException.class, client::readEnvelope);
            assertTrue(reset.getMessage().toLowerCase().contains("reset"), reset.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void halfWrittenThenClosedIsEofMidMessage(ProtocolVersion version) throws IOException {
        node.when(Q).thenHalfWrittenFrame();
        try (TestClient client = TestClient.ready(node.address(), version)) {
            client.send(new Query(Q));
            assertThrows(EOFException.class, client::readEnvelope);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void halfWrittenAndLeftOpenStallsTheClient(ProtocolVersion version) throws IOException {
        node.when(Q).then(Reply.voidResult().with(Fault.HALF_WRITTEN));
        try (TestClient client = TestClient.ready(node.address(), version)) {
            client.soTimeout(300);
            client.send(new Query(Q));
            assertThrows(SocketTimeoutException.class, client::readEnvelope);
        }
    }

    @ParameterizedTest
    @CsvSource({"V5,,CORRUPT_PAYLOAD_CRC,payload CRC32 mismatch", "V5,lz4,CORRUPT_PAYLOAD_CRC,payload CRC32 mismatch",
                "V5,,CORRUPT_HEADER_CRC,header CRC24 mismatch", "V5,lz4,CORRUPT_HEADER_CRC,header CRC24 mismatch",
                "V4,,CORRUPT_HEADER_CRC,unsupported protocol version"})
    void corruptFramesFailTheClientsDecoder(ProtocolVersion version, String compression, Fault fault, String message)
            throws IOException {
        Rows.Builder rows = Rows.builder().column("v", PrimitiveType.VARCHAR);
        for (int i = 0; i < 50; i++) {
            rows.row("a compressible value, repeated, repeated, repeated " + i);
        }
        node.when(Q).then(Reply.rows(rows.build()).with(fault));
        try (TestClient client = TestClient.ready(node.address(), version, compression)) {
            client.send(new Query(Q));
            ProtocolException error = assertThrows(ProtocolException.class, client::readEnvelope);
            if (message != null) {
                assertTrue(error.getMessage().contains(message), error.getMessage());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void garbledBodiesComeInValidFramesAndHeaders(ProtocolVersion version) throws IOException {
        Rows.Builder rows = Rows.builder().column("k", PrimitiveType.INT).column("v", PrimitiveType.VARCHAR);
        for (int i = 0; i < 5; i++) {
            rows.row(i, "value " + i);
        }
        Rows clean = rows.build();
        node.when(Q).thenRows(clean);
        int failedToDecode = 0;
        int decodedDifferently = 0;
        try (TestClient client = TestClient.ready(node.address(), version)) {
            RowsResult expected = (RowsResult) client.query(Q);
            for (long seed = 1; seed <= 30; seed++) {
                node.when(Q).once().then(Reply.rows(clean).garbled(seed));
                int stream = client.send(new Query(Q));
                try {
                    Envelope envelope = client.readEnvelope();
                    assertEquals(stream, envelope.streamId(), "the header is intact");
                    if (!(envelope.message() instanceof RowsResult r) || !java.util.Arrays.equals(r.data(), expected.data())
                            || r.rowCount() != expected.rowCount()) {
                        decodedDifferently++;
                    }
                } catch (ProtocolException e) {
                    assertTrue(!e.getMessage().contains("CRC"), "the frame is valid: " + e.getMessage());
                    failedToDecode++;
                    break; // the stream cannot be trusted after a decoding failure
                }
            }
        }
        assertTrue(failedToDecode + decodedDifferently > 0, "garbling changed nothing");
        node.clearProblems();
    }

    @Test
    void v4HasNoChecksumSoCorruptionGoesUnnoticed() throws IOException {
        node.when(Q).then(Reply.rows(Rows.builder().column("v", PrimitiveType.VARCHAR).row("abc").build())
                .with(Fault.CORRUPT_PAYLOAD_CRC));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V4)) {
            RowsResult rows = (RowsResult) client.query(Q);
            assertEquals("ab" + (char) ('c' ^ 0xFF), new String(rows.data(), rows.cellOffset(0, 0), 3,
                    StandardCharsets.ISO_8859_1), "the last byte was flipped");
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void unknownOpcode(ProtocolVersion version) throws IOException {
        node.when(Q).thenUnknownOpcode();
        try (TestClient client = TestClient.ready(node.address(), version)) {
            client.send(new Query(Q));
            ProtocolException error = assertThrows(ProtocolException.class, client::readEnvelope);
            assertTrue(error.getMessage().contains("unknown response opcode 0x11"), error.getMessage());
        }
    }

    @Test
    void unknownOpcodeOnAnAnswerSpanningSeveralFrames() throws IOException {
        Rows.Builder big = Rows.builder().column("v", PrimitiveType.BLOB);
        for (int i = 0; i < 3; i++) {
            big.row(ByteBuffer.wrap(new byte[100_000]));
        }
        node.when(Q).then(Reply.rows(big.build()).with(Fault.UNKNOWN_OPCODE));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            client.send(new Query(Q));
            ProtocolException error = assertThrows(ProtocolException.class, client::readEnvelope);
            assertTrue(error.getMessage().contains("unknown response opcode"), error.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void oversizedLengthHeader(ProtocolVersion version) throws IOException {
        node.when(Q).thenOversizedLength();
        try (TestClient client = TestClient.ready(node.address(), version)) {
            client.send(new Query(Q));
            ProtocolException error = assertThrows(ProtocolException.class, client::readEnvelope);
            assertTrue(error.getMessage().contains(String.valueOf(Fault.OVERSIZED_BODY_LENGTH)), error.getMessage());
        }
    }

    @Test
    void randomBytesAreWrittenRaw() throws IOException {
        node.when(Q).then(Reply.randomBytes(64, 42));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V4)) {
            client.send(new Query(Q));
            byte[] expected = new byte[64];
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (byte) random.nextInt(256);
            }
            assertArrayEquals(expected, client.readFully(64));
        }
    }

    @Test
    void randomBytesFailAV5FrameDecoder() throws IOException {
        node.when(Q).thenRandomBytes(256);
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            client.send(new Query(Q));
            assertThrows(ProtocolException.class, client::readEnvelope);
        }
        // and a fresh decoder given the same bytes fails the same way: the garbage is deterministic
        try (StubNode other = StubNode.start(); TestClient client = TestClient.ready(other.address(), ProtocolVersion.V4)) {
            other.when(Q).thenRandomBytes(256);
            client.send(new Query(Q));
            byte[] garbage = client.readFully(256);
            List<ByteBuf> out = new ArrayList<>();
            try (FrameDecoder decoder = new FrameDecoder(FrameFormat.UNCOMPRESSED, TestClient.ALLOC)) {
                assertThrows(ProtocolException.class, () -> decoder.feed(Unpooled.wrappedBuffer(garbage), out::add));
            } finally {
                out.forEach(ByteBuf::release);
            }
        }
    }

    @Test
    void faultsApplyToTheStandardAnswerToo() throws IOException {
        node.when(RequestMatcher.queryMatching(t -> t.contains("system.local")))
                .then(Reply.standard().with(Fault.CORRUPT_PAYLOAD_CRC));
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            client.send(new Query("SELECT * FROM system.local"));
            assertThrows(ProtocolException.class, client::readEnvelope);
        }
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            node.script().clear();
            assertInstanceOf(RowsResult.class, client.query("SELECT * FROM system.local"));
            assertInstanceOf(Supported.class, client.request(Options.INSTANCE));
        }
    }
}
