package io.reactivecql.stub;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.request.Options;
import io.reactivecql.protocol.request.Query;
import io.reactivecql.protocol.request.Register;
import io.reactivecql.protocol.request.Startup;
import io.reactivecql.protocol.response.AuthSuccess;
import io.reactivecql.protocol.response.Authenticate;
import io.reactivecql.protocol.response.Ready;
import io.reactivecql.protocol.response.Supported;
import io.reactivecql.protocol.response.error.AuthenticationError;
import io.reactivecql.protocol.response.error.ProtocolError;
import io.reactivecql.protocol.response.result.RowsResult;
import io.reactivecql.protocol.types.PrimitiveType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connection setup as Cassandra does it: OPTIONS, STARTUP, compression, v5 framing, auth, version refusal. */
class HandshakeTest {

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
    void optionsListsVersionsAndCompressions(ProtocolVersion version) throws IOException {
        try (TestClient client = new TestClient(node.address(), version)) {
            Supported supported = (Supported) client.request(Options.INSTANCE);
            assertEquals(List.of("4/v4", "5/v5"), supported.values(Supported.PROTOCOL_VERSIONS));
            assertEquals(List.of("lz4", "snappy"), supported.values(Supported.COMPRESSION));
            assertEquals(List.of("3.4.7"), supported.values(Supported.CQL_VERSION));
        }
    }

    @ParameterizedTest
    @CsvSource({"V4,", "V4,lz4", "V4,snappy", "V5,", "V5,lz4"})
    void startupThenQueryInEveryFormat(ProtocolVersion version, String compression) throws IOException {
        try (TestClient client = TestClient.ready(node.address(), version, compression)) {
            RowsResult local = (RowsResult) client.query("SELECT * FROM system.local WHERE key = 'local'");
            assertEquals("5.0.9", TestRows.single(local, "release_version"));
            // OPTIONS after STARTUP travels in the negotiated format too (framed on v5)
            assertInstanceOf(Supported.class, client.request(Options.INSTANCE));
        }
        List<ReceivedRequest> requests = node.activity().requests();
        assertEquals(List.of(RequestKind.STARTUP, RequestKind.QUERY, RequestKind.OPTIONS),
                requests.stream().map(ReceivedRequest::kind).toList());
        assertTrue(requests.stream().allMatch(r -> r.version() == version));
    }

    @Test
    void v5FramesLargeAnswersAcrossSeveralFrames() throws IOException {
        Rows.Builder big = Rows.builder().column("v", PrimitiveType.BLOB);
        for (int i = 0; i < 5; i++) {
            big.row(ByteBuffer.wrap(new byte[100_000]));
        }
        node.when("SELECT v FROM ks.big").thenRows(big.build());
        for (String compression : new String[] {null, "lz4"}) {
            try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5, compression)) {
                assertEquals(5, ((RowsResult) client.query("SELECT v FROM ks.big")).rowCount());
            }
        }
    }

    @Test
    void registerIsAnsweredWithReady() throws IOException {
        try (TestClient client = TestClient.ready(node.address(), ProtocolVersion.V5)) {
            assertEquals(Ready.INSTANCE, client.request(Register.all()));
        }
    }

    @ParameterizedTest
    @CsvSource({"6, 5", "3, 3", "2, 2", "66, 5"})
    void unsupportedVersionIsRefusedThenClosed(int clientVersion, int answerVersion) throws IOException {
        try (TestClient client = new TestClient(node.address(), ProtocolVersion.V4)) {
            byte[] startup = clientVersion <= 2
                    ? new byte[] {(byte) clientVersion, 0, 7, 1, 0, 0, 0, 0}      // v1/v2: one-byte stream id
                    : new byte[] {(byte) clientVersion, 0, 0, 7, 1, 0, 0, 0, 0};
            client.writeRaw(Unpooled.wrappedBuffer(startup));
            byte[] answer = client.readToEnd(); // the node closes after answering
            ByteBuf bytes = Unpooled.wrappedBuffer(answer);
            assertEquals(0x80 | answerVersion, bytes.getUnsignedByte(0));
            int headerLength = answerVersion <= 2 ? 8 : 9;
            assertEquals(7, answerVersion <= 2 ? bytes.getByte(2) : bytes.getShort(2), "stream id");
            assertEquals(0x000A, bytes.getInt(headerLength), "PROTOCOL_ERROR");
            String message = new String(answer, headerLength + 6, answer.length - headerLength - 6,
                    StandardCharsets.UTF_8);
            assertEquals("Invalid or unsupported protocol version (" + clientVersion
                    + "); supported versions are (4/v4, 5/v5)", message);
        }
        assertEquals(List.of(clientVersion), node.activity().rejectedVersions());
        assertEquals(List.of(), node.problems(), "negotiation is not a problem");
    }

    @Test
    void v4OnlyNodeRefusesV5InV4() throws IOException {
        try (StubNode old = StubNode.builder().protocolVersions(ProtocolVersion.V4).start();
             TestClient client = new TestClient(old.address(), ProtocolVersion.V5)) {
            client.send(Startup.of(null));
            ByteBuf raw = client.readBareEnvelope();
            try {
                Envelope answer = new EnvelopeCodec(MessageCodecRegistry.defaults()).decode(raw, TestClient.ALLOC);
                assertEquals(ProtocolVersion.V4, answer.version());
                assertEquals(new ProtocolError("Invalid or unsupported protocol version (5); supported versions are (4/v4)"),
                        answer.message());
            } finally {
                raw.release();
            }
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    void betaVersionNeedsTheBetaFlag() throws IOException {
        try (StubNode beta = StubNode.builder().betaVersion(ProtocolVersion.V5).start()) {
            try (TestClient client = new TestClient(beta.address(), ProtocolVersion.V5)) {
                Response refused = client.startup(null);
                assertEquals(new ProtocolError("Beta version of the protocol used (5/v5-beta), but USE_BETA flag is unset"),
                        refused);
                assertTrue(client.isClosedByServer());
            }
            try (TestClient client = new TestClient(beta.address(), ProtocolVersion.V5)) {
                client.useBeta();
                assertEquals(Ready.INSTANCE, client.startup(null));
                assertEquals(List.of("4/v4", "5/v5-beta"),
                        ((Supported) client.request(Options.INSTANCE)).values(Supported.PROTOCOL_VERSIONS));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void saslPlainAuthentication(ProtocolVersion version) throws IOException {
        try (StubNode secured = StubNode.builder().credentials("cassandra", "secret").start()) {
            try (TestClient client = new TestClient(secured.address(), version)) {
                assertEquals(new Authenticate("org.apache.cassandra.auth.PasswordAuthenticator"), client.startup("lz4"));
                // a statement before authenticating is out of order
                assertInstanceOf(ProtocolError.class, client.query("SELECT * FROM system.local"));
                assertEquals(new AuthenticationError("Provided username cassandra and/or password are incorrect"),
                        client.authenticate("cassandra", "wrong"));
                assertEquals(new AuthSuccess(null), client.authenticate("cassandra", "secret"));
                assertInstanceOf(RowsResult.class, client.query("SELECT * FROM system.local"));
            }
            assertEquals(1, secured.problems().size(), "the early QUERY");
            secured.clearProblems();
        }
    }

    @Test
    void messagesOutOfOrderAreProtocolErrorsAndProblems() throws IOException {
        try (TestClient client = new TestClient(node.address(), ProtocolVersion.V4)) {
            assertEquals(new ProtocolError("Unexpected message QUERY, expecting STARTUP or OPTIONS"),
                    client.request(new Query("SELECT * FROM system.local")));
            assertEquals(Ready.INSTANCE, client.startup(null));
            assertEquals(new ProtocolError("Unexpected message STARTUP, the connection is already initialized"),
                    client.request(Startup.of(null)));
        }
        assertEquals(2, node.problems().size());
        AssertionError failure = assertThrows(AssertionError.class, node::assertNoProblems);
        assertTrue(failure.getMessage().contains("2 problem(s)"), failure.getMessage());
        node.clearProblems();
    }

    @Test
    void unknownCompressionIsRefused() throws IOException {
        try (TestClient client = new TestClient(node.address(), ProtocolVersion.V5)) {
            assertEquals(new ProtocolError("Unknown compression algorithm: zstd"), client.request(Startup.of("zstd")));
            assertInstanceOf(ProtocolError.class, client.request(Startup.of("snappy")), "v5 frames are lz4 only");
            assertEquals(Ready.INSTANCE, client.startup(null), "the connection is still usable");
        }
    }

    @Test
    void handshakeCanBeScripted() throws IOException {
        node.when(RequestMatcher.kind(RequestKind.STARTUP)).delay(Duration.ofMillis(150)).thenStandard();
        try (TestClient client = new TestClient(node.address(), ProtocolVersion.V5)) {
            long start = System.nanoTime();
            assertEquals(Ready.INSTANCE, client.startup(null));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(150).toNanos());
            assertInstanceOf(RowsResult.class, client.query("SELECT * FROM system.local"), "framing started after READY");
        }
    }
}
