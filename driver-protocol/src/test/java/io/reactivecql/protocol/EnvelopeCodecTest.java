package io.reactivecql.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.reactivecql.protocol.compression.Compressor;
import io.reactivecql.protocol.compression.Lz4Compressor;
import io.reactivecql.protocol.compression.SnappyCompressor;
import io.reactivecql.protocol.frame.FrameDecoder;
import io.reactivecql.protocol.frame.FrameEncoder;
import io.reactivecql.protocol.frame.FrameFormat;
import io.reactivecql.protocol.frame.TrackingAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The envelope layer: exact header bytes, the order of the body prefixes, v4 body compression, and
 * malformed envelopes. Uses tiny test-only messages so that it depends on no real message codec.
 */
class EnvelopeCodecTest {

    // ---------------------------------------------------------------- test-only messages

    record TestStartup(Map<String, String> options) implements Request {
        public int opcode() {
            return Opcode.STARTUP;
        }
    }

    record TestOptions() implements Request {
        public int opcode() {
            return Opcode.OPTIONS;
        }
    }

    record TestQuery(String query) implements Request {
        public int opcode() {
            return Opcode.QUERY;
        }
    }

    record TestReady() implements Response {
        public int opcode() {
            return Opcode.READY;
        }
    }

    record TestResult(String text) implements Response {
        public int opcode() {
            return Opcode.RESULT;
        }
    }

    /** A codec for a message with at most one field, written by {@code write} and read by {@code read}. */
    static <M extends Message> MessageCodec<M> codec(int opcode, BiConsumer<M, ByteBuf> write,
                                                    Function<ByteBuf, M> read) {
        return new MessageCodec<>() {
            public int opcode() {
                return opcode;
            }

            public void encode(M message, ByteBuf out, ProtocolVersion version) {
                write.accept(message, out);
            }

            public M decode(ByteBuf in, ProtocolVersion version) {
                return read.apply(in);
            }
        };
    }

    static final MessageCodecRegistry REGISTRY = new MessageCodecRegistry(
            new MessageCodec<?>[] {
                codec(Opcode.STARTUP, (TestStartup m, ByteBuf out) -> Primitives.writeStringMap(m.options(), out),
                        in -> new TestStartup(Primitives.readStringMap(in, "options"))),
                codec(Opcode.OPTIONS, (TestOptions m, ByteBuf out) -> { }, in -> new TestOptions()),
                codec(Opcode.QUERY, (TestQuery m, ByteBuf out) -> Primitives.writeLongString(m.query(), out),
                        in -> new TestQuery(Primitives.readLongString(in, "query"))),
            },
            new MessageCodec<?>[] {
                codec(Opcode.READY, (TestReady m, ByteBuf out) -> { }, in -> new TestReady()),
                codec(Opcode.RESULT, (TestResult m, ByteBuf out) -> Primitives.writeLongString(m.text(), out),
                        in -> {
                            if (in.readableBytes() == 4 && in.getInt(in.readerIndex()) == 0xBADC0DE) {
                                throw new IllegalStateException("codec bug");
                            }
                            return new TestResult(Primitives.readLongString(in, "text"));
                        }),
            });

    private static final UUID TRACING_ID = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");

    private final TrackingAllocator alloc = new TrackingAllocator(true);
    private final List<ByteBuf> buffers = new ArrayList<>();
    private final EnvelopeCodec codec = new EnvelopeCodec(REGISTRY);

    @AfterEach
    void everythingReleased() {
        buffers.forEach(ByteBuf::release);
        alloc.assertAllReleased();
    }

    private ByteBuf encode(EnvelopeCodec codec, Envelope envelope) {
        ByteBuf out = codec.encode(envelope, alloc);
        buffers.add(out);
        return out;
    }

    /** Encodes, compares with {@code hex}, decodes and compares with the original. */
    private void assertRoundTrip(EnvelopeCodec codec, Envelope envelope, String hex) {
        ByteBuf out = encode(codec, envelope);
        Bytes.assertBytes(hex, out);
        assertEquals(envelope, codec.decode(out, alloc));
        assertFalse(out.isReadable());
    }

    private ByteBuf in(String hex) {
        ByteBuf buf = Bytes.fromHex(hex);
        buffers.add(buf);
        return buf;
    }

    private ProtocolException assertMalformed(EnvelopeCodec codec, String hex, String expectedMessagePart) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(in(hex), alloc));
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
        return e;
    }

    // ---------------------------------------------------------------- header

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "V4 request,  04",
        "V5 request,  05",
    })
    void requestHeader(String name, String versionByte) {
        ProtocolVersion version = name.startsWith("V4") ? ProtocolVersion.V4 : ProtocolVersion.V5;
        assertRoundTrip(codec, Envelope.request(version, 0x1234, new TestQuery("x")),
                versionByte + " 00 1234 07 00000005 00000001 78");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "V4 response, 84",
        "V5 response, 85",
    })
    void responseHeader(String name, String versionByte) {
        ProtocolVersion version = name.startsWith("V4") ? ProtocolVersion.V4 : ProtocolVersion.V5;
        assertRoundTrip(codec, Envelope.response(version, -1, new TestResult("ok")),
                versionByte + " 00 ffff 08 00000006 00000002 6f6b");
        assertRoundTrip(codec, Envelope.response(version, 32767, new TestReady()),
                versionByte + " 00 7fff 02 00000000");
    }

    @Test
    void requestTracingFlagHasNoTracingIdInTheBody() {
        Envelope traced = new Envelope(ProtocolVersion.V5, 1, true, null, List.of(), Map.of(), false, new TestOptions());
        assertRoundTrip(codec, traced, "05 02 0001 05 00000000");
    }

    @Test
    void betaFlag() {
        Envelope beta = new Envelope(ProtocolVersion.V5, 1, false, null, List.of(), Map.of(), true, new TestOptions());
        assertRoundTrip(codec, beta, "05 10 0001 05 00000000");
    }

    @Test
    void requestCustomPayloadComesFirst() {
        Map<String, ByteBuffer> payload = Map.of("k", ByteBuffer.wrap(new byte[] {1, 2}));
        Envelope envelope = new Envelope(ProtocolVersion.V4, 2, true, null, List.of(), payload, false,
                new TestQuery("x"));
        // flags: tracing | custom payload; a request carries no tracing id
        assertRoundTrip(codec, envelope, "04 06 0002 07 00000010 0001 00016b 00000002 0102 00000001 78");
    }

    @Test
    void responsePrefixesInSpecOrder() {
        Map<String, ByteBuffer> payload = Map.of("k", ByteBuffer.wrap(new byte[] {1}));
        Envelope envelope = new Envelope(ProtocolVersion.V5, 3, true, TRACING_ID, List.of("w"), payload, false,
                new TestResult("r"));
        assertRoundTrip(codec, envelope, "85 0e 0003 08 00000024"
                + " 00112233445566778899aabbccddeeff" // tracing id
                + " 0001 000177"                      // warnings
                + " 0001 00016b 00000001 01"          // custom payload
                + " 00000001 72");                    // the message
    }

    @Test
    void responseWarningsWithoutTracing() {
        Envelope envelope = new Envelope(ProtocolVersion.V4, 3, false, null, List.of("a", "b"), Map.of(), false,
                new TestReady());
        assertRoundTrip(codec, envelope, "84 08 0003 02 00000008 0002 000161 000162");
    }

    @Test
    void envelopeLengthPeeksWithoutConsuming() {
        ByteBuf buf = in("05 00 0001 05 00000003 010203");
        assertEquals(12, codec.envelopeLength(buf));
        assertEquals(0, buf.readerIndex());
        assertEquals(-1, codec.envelopeLength(in("05 00 0001 05 000000")));
    }

    // ---------------------------------------------------------------- v4 body compression

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "snappy"})
    void v4BodyCompressionRoundTrip(String algorithm) {
        Compressor compressor = algorithm.equals("lz4") ? Lz4Compressor.INSTANCE : SnappyCompressor.INSTANCE;
        EnvelopeCodec compressing = codec.withCompressor(compressor);
        Envelope envelope = new Envelope(ProtocolVersion.V4, 7, true, TRACING_ID, List.of("warn"), Map.of(), false,
                new TestResult("x".repeat(1000)));
        ByteBuf out = encode(compressing, envelope);
        assertEquals(Envelope.FLAG_COMPRESSED | Envelope.FLAG_TRACING | Envelope.FLAG_WARNING, out.getByte(1));
        int bodyLength = out.getInt(5);
        assertTrue(bodyLength < 100, "1 KB of 'x' compressed to " + bodyLength);
        ByteBuf body = out.slice(9, bodyLength);
        ByteBuf plain = compressor.decompress(body, alloc, 10_000);
        try {
            // the prefixes are compressed along with the message
            assertEquals(TRACING_ID.getMostSignificantBits(), plain.getLong(0));
        } finally {
            plain.release();
        }
        assertEquals(envelope, compressing.decode(out, alloc));
        assertThrows(ProtocolException.class, () -> codec.decode(out.readerIndex(0), alloc),
                "a compressed envelope on a codec without compressor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "snappy"})
    void startupAndOptionsAreNeverCompressed(String algorithm) {
        Compressor compressor = algorithm.equals("lz4") ? Lz4Compressor.INSTANCE : SnappyCompressor.INSTANCE;
        EnvelopeCodec compressing = codec.withCompressor(compressor);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("CQL_VERSION", "3.0.0");
        options.put("COMPRESSION", algorithm);
        String optionsHex = ByteBufUtil.hexDump(algorithm.getBytes(StandardCharsets.US_ASCII));
        int bodyLength = 2 + 2 + 11 + 2 + 5 + 2 + 11 + 2 + algorithm.length();
        assertRoundTrip(compressing, Envelope.request(ProtocolVersion.V4, 0, new TestStartup(options)),
                "04 00 0000 01 " + String.format("%08x", bodyLength)
                + " 0002 000b43514c5f56455253494f4e 0005332e302e30 000b434f4d5052455353494f4e "
                + String.format("%04x", algorithm.length()) + optionsHex);
        assertRoundTrip(compressing, Envelope.request(ProtocolVersion.V4, 0, new TestOptions()),
                "04 00 0000 05 00000000");
    }

    @Test
    void v5EnvelopesAreNeverCompressedAndIgnoreTheFlag() {
        EnvelopeCodec compressing = codec.withCompressor(Lz4Compressor.INSTANCE);
        assertRoundTrip(compressing, Envelope.request(ProtocolVersion.V5, 1, new TestQuery("x")),
                "05 00 0001 07 00000005 00000001 78");
        // the deprecated flag on a v5 envelope: the body is read as is
        assertEquals(Envelope.request(ProtocolVersion.V5, 1, new TestQuery("x")),
                codec.decode(in("05 01 0001 07 00000005 00000001 78"), alloc));
    }

    @Test
    void corruptCompressedBody() {
        EnvelopeCodec compressing = codec.withCompressor(Lz4Compressor.INSTANCE);
        assertMalformed(compressing, "84 01 0001 08 00000006 00000010 ff00", "LZ4");
        EnvelopeCodec snappy = codec.withCompressor(SnappyCompressor.INSTANCE);
        assertMalformed(snappy, "84 01 0001 08 00000003 0a 0000", "Snappy");
    }

    @Test
    void compressedBodyAboveTheMaximum() {
        EnvelopeCodec small = new EnvelopeCodec(REGISTRY, Lz4Compressor.INSTANCE, 100);
        // declares 1000 uncompressed bytes: refused before decompressing
        assertMalformed(small, "84 01 0001 08 00000006 000003e8 0000", "outside 0..100");
    }

    // ---------------------------------------------------------------- malformed envelopes

    @Test
    void truncatedEnvelopes() {
        assertMalformed(codec, "", "truncated envelope");
        assertMalformed(codec, "85 00 0001 02 000000", "truncated envelope");
        assertMalformed(codec, "85 00 0001 08 00000006 000000", "truncated envelope");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffffffff", "80000000", "10000001"})
    void negativeOrOversizedBodyLength(String length) {
        assertMalformed(codec, "85 00 0001 08 " + length + " 00", "envelope body length");
    }

    @Test
    void bodyLengthAboveTheConfiguredMaximum() {
        EnvelopeCodec small = new EnvelopeCodec(REGISTRY, null, 4);
        assertMalformed(small, "85 00 0001 08 00000005 00000001 78", "outside 0..4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"04", "11", "ff"})
    void unknownOpcode(String opcode) {
        assertMalformed(codec, "85 00 0001 " + opcode + " 00000000", "unknown response opcode");
        assertMalformed(codec, "05 00 0001 " + opcode + " 00000000", "unknown request opcode");
    }

    @Test
    void opcodeOfTheOtherDirection() {
        assertMalformed(codec, "85 00 0001 07 00000005 00000001 78", "unknown response opcode QUERY");
        assertMalformed(codec, "05 00 0001 02 00000000", "unknown request opcode READY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"03", "83", "06", "00"})
    void unsupportedVersion(String versionByte) {
        assertMalformed(codec, versionByte + " 00 0001 02 00000000", "unsupported protocol version");
    }

    @Test
    void compressionFlagWithoutCompressor() {
        assertMalformed(codec, "84 01 0001 08 00000005 00000001 78", "without compression");
    }

    @Test
    void trailingBytesInTheBody() {
        assertMalformed(codec, "85 00 0001 08 00000006 00000001 78 00", "1 unexpected trailing bytes after RESULT");
        assertMalformed(codec, "85 00 0001 02 00000001 00", "trailing bytes after READY");
    }

    @Test
    void truncatedPrefixes() {
        assertMalformed(codec, "85 02 0001 02 00000004 00112233", "tracing id");
        assertMalformed(codec, "85 08 0001 02 00000003 0001 00", "warnings");
        assertMalformed(codec, "85 04 0001 02 00000004 0001 0001", "custom payload");
    }

    @Test
    void warningFlagOnARequest() {
        assertMalformed(codec, "05 08 0001 05 00000002 0000", "warning flag set on a request");
    }

    @Test
    void codecBugBecomesAProtocolException() {
        ProtocolException e = assertMalformed(codec, "85 00 0001 08 00000004 0badc0de", "malformed RESULT body");
        assertTrue(e.getCause() instanceof IllegalStateException);
    }

    @Test
    void decodeConsumesExactlyOneEnvelope() {
        ByteBuf two = in("85 00 0001 02 00000000 85 00 0002 02 00000000 ff");
        assertEquals(1, codec.decode(two, alloc).streamId());
        assertEquals(2, codec.decode(two, alloc).streamId());
        assertEquals(1, two.readableBytes());
    }

    // ---------------------------------------------------------------- through v5 frames

    @ParameterizedTest
    @EnumSource(FrameFormat.class)
    void envelopesThroughV5Frames(FrameFormat format) {
        List<Envelope> sent = List.of(
                Envelope.response(ProtocolVersion.V5, 1, new TestReady()),
                new Envelope(ProtocolVersion.V5, 2, true, TRACING_ID, List.of("w"), Map.of(), false,
                        new TestResult("y".repeat(300_000))), // split across three frames
                Envelope.response(ProtocolVersion.V5, -1, new TestResult("event")));
        FrameEncoder encoder = new FrameEncoder(format);
        ByteBuf batch = encoder.newPayloadBuffer(alloc, 256);
        for (Envelope envelope : sent) {
            codec.encode(envelope, batch, alloc);
        }
        ByteBuf wire = encoder.encodeInPlace(batch, alloc);
        List<Envelope> received = new ArrayList<>();
        try (FrameDecoder decoder = new FrameDecoder(format, alloc)) {
            while (wire.isReadable()) {
                ByteBuf chunk = wire.readRetainedSlice(Math.min(wire.readableBytes(), 50_000));
                decoder.feed(chunk, envelopeBytes -> {
                    try {
                        received.add(codec.decode(envelopeBytes, alloc));
                        assertFalse(envelopeBytes.isReadable());
                    } finally {
                        envelopeBytes.release();
                    }
                });
            }
        } finally {
            wire.release();
        }
        assertEquals(sent, received);
    }
}
