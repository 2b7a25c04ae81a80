package io.reactivecql.protocol.compression;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Bytes;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.frame.TrackingAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The v4 body compressors: round trips over every kind of buffer, known answers for hand-written
 * blocks, and hostile input, which must fail with {@link ProtocolException}, allocate nothing
 * oversized and leak nothing.
 */
class CompressorTest {

    /** A QUERY envelope of 49 bytes: 9 header bytes, then 40 times 'a'. */
    static final String QUERY_49 = "050000020700000028" + "61".repeat(40);
    /** Hand-written LZ4 block for it: 10 literals, a 34-byte match at offset 1, 5 literals. */
    static final String LZ4_BLOCK = "af 050000020700000028 61 0100 0f 50 6161616161";
    /** Hand-written Snappy block for it: varint 49, a 10-byte literal, a 39-byte copy at offset 1. */
    static final String SNAPPY_BLOCK = "31 24 050000020700000028 61 9a 0100";

    private TrackingAllocator alloc = new TrackingAllocator(true);
    private final List<ByteBuf> toRelease = new ArrayList<>();

    @AfterEach
    void everythingReleased() {
        toRelease.forEach(ByteBuf::release);
        alloc.assertAllReleased();
    }

    static Stream<Arguments> compressorsAndBufferKinds() {
        List<Arguments> args = new ArrayList<>();
        for (Compressor compressor : new Compressor[] {Lz4Compressor.INSTANCE, SnappyCompressor.INSTANCE}) {
            for (String kind : new String[] {"heap", "direct", "composite", "readOnlyDirect", "readOnlyHeap"}) {
                args.add(Arguments.of(compressor, kind));
            }
        }
        return args.stream();
    }

    private ByteBuf buffer(String kind, byte[] bytes) {
        ByteBuf buf;
        switch (kind) {
            case "heap":
                buf = alloc.heapBuffer(bytes.length + 7).writeZero(7).writeBytes(bytes).skipBytes(7);
                break;
            case "direct":
                buf = alloc.directBuffer(bytes.length + 3).writeZero(3).writeBytes(bytes).skipBytes(3);
                break;
            case "composite": {
                CompositeByteBuf c = alloc.compositeBuffer();
                int half = bytes.length / 2;
                c.addComponent(true, alloc.heapBuffer().writeBytes(bytes, 0, half));
                c.addComponent(true, alloc.directBuffer().writeBytes(bytes, half, bytes.length - half));
                buf = c;
                break;
            }
            case "readOnlyHeap":
                buf = alloc.heapBuffer(bytes.length).writeBytes(bytes).asReadOnly();
                break;
            default:
                buf = alloc.directBuffer(bytes.length).writeBytes(bytes).asReadOnly();
        }
        toRelease.add(buf);
        return buf;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("compressorsAndBufferKinds")
    void roundTrip(Compressor compressor, String kind) {
        Random random = new Random(kind.hashCode());
        for (int size : new int[] {0, 1, 49, 1000, 70_000, 1 << 20}) {
            byte[] data = new byte[size];
            for (int i = 0; i < size; i++) {
                data[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt() : i / 100);
            }
            ByteBuf in = buffer(kind, data);
            int readerIndex = in.readerIndex();
            ByteBuf compressed = compressor.compress(in, alloc);
            assertEquals(readerIndex, in.readerIndex(), "compress must not consume its input");
            ByteBuf wire = buffer(kind, ByteBufUtil.getBytes(compressed));
            compressed.release();
            ByteBuf back = compressor.decompress(wire, alloc, size);
            try {
                assertArrayEquals(data, ByteBufUtil.getBytes(back), compressor + " " + size + " bytes");
            } finally {
                back.release();
            }
        }
    }

    @Test
    void lz4FormatIsABigEndianLengthThenABlock() {
        ByteBuf compressed = Lz4Compressor.INSTANCE.compress(buffer("heap", HexFormat.of().parseHex(QUERY_49)), alloc);
        try {
            assertEquals(49, compressed.getInt(0));
            ByteBuf back = Lz4Compressor.INSTANCE.decompress(compressed, alloc, 49);
            Bytes.assertBytes(QUERY_49, back);
            back.release();
        } finally {
            compressed.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "direct", "composite", "readOnlyDirect", "readOnlyHeap"})
    void lz4KnownAnswer(String kind) {
        ByteBuf out = Lz4Compressor.INSTANCE.decompress(buffer(kind, hex("00000031" + LZ4_BLOCK)), alloc, 1000);
        try {
            Bytes.assertBytes(QUERY_49, out);
        } finally {
            out.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "direct", "composite", "readOnlyDirect", "readOnlyHeap"})
    void snappyKnownAnswer(String kind) {
        ByteBuf out = SnappyCompressor.INSTANCE.decompress(buffer(kind, hex(SNAPPY_BLOCK)), alloc, 1000);
        try {
            Bytes.assertBytes(QUERY_49, out);
        } finally {
            out.release();
        }
    }

    @Test
    void emptyLz4Body() {
        for (String body : new String[] {"00000000", "0000000000"}) {
            ByteBuf out = Lz4Compressor.INSTANCE.decompress(buffer("heap", hex(body)), alloc, 10);
            assertEquals(0, out.readableBytes());
            out.release();
        }
    }

    // ---------------------------------------------------------------- hostile input

    @ParameterizedTest
    @ValueSource(strings = {
        "",                            // no length
        "000031",                      // truncated length
        "ffffffff" + "00",             // negative length
        "00000032 af05000002070000002861 0100 0f 50 6161616161", // declares one byte more
        "00000030 af05000002070000002861 0100 0f 50 6161616161", // declares one byte less
        "00000031 af05000002070000002861 0001 0f 50 6161616161", // offset before the output
        "00000031 ff",                 // runs off the end
        "00000000 01",                 // empty output but not an empty block
        "7fffffff 00",                 // 2 GB from one byte: refused before allocating
    })
    void corruptLz4(String body) {
        int before = alloc.allocations();
        assertThrows(ProtocolException.class,
                () -> Lz4Compressor.INSTANCE.decompress(buffer("direct", hex(body)), alloc, Integer.MAX_VALUE));
        assertTrue(alloc.allocations() - before <= 2, "at most the input and a bounded output were allocated");
    }

    @Test
    void lz4LengthAboveTheLimitIsRefusedBeforeAllocating() {
        ByteBuf in = buffer("heap", hex("00000031" + LZ4_BLOCK));
        int before = alloc.allocations();
        ProtocolException e = assertThrows(ProtocolException.class, () -> Lz4Compressor.INSTANCE.decompress(in, alloc, 48));
        assertTrue(e.getMessage().contains("outside 0..48"), e.getMessage());
        assertEquals(before, alloc.allocations());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",                                   // no varint
        "ff",                                 // unterminated varint
        "ffffffff0f 00",                      // 4 GB: not an int
        "31 24 050000020700000028 61 9a",     // truncated copy
        "31 24 050000020700000028 61 9a 0b00",// offset 11, one before the 10 bytes produced so far
        "32 24 050000020700000028 61 9a 0100",// declares one byte more than it makes
        "31 24 050000020700000028 61 9a 2000",// offset 32 reaches before the output
        "8080808007 00",                      // 1.8 GB from a few bytes: refused before allocating
    })
    void corruptSnappy(String body) {
        for (String kind : new String[] {"heap", "direct", "composite"}) {
            int before = alloc.allocations();
            assertThrows(ProtocolException.class,
                    () -> SnappyCompressor.INSTANCE.decompress(buffer(kind, hex(body)), alloc, Integer.MAX_VALUE),
                    () -> kind + " " + body);
            assertTrue(alloc.allocations() - before <= 3, "at most the input and a bounded output were allocated");
        }
    }

    @Test
    void snappyLengthAboveTheLimitIsRefusedBeforeAllocating() {
        ByteBuf in = buffer("direct", hex(SNAPPY_BLOCK));
        int before = alloc.allocations();
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> SnappyCompressor.INSTANCE.decompress(in, alloc, 48));
        assertTrue(e.getMessage().contains("outside 0..48"), e.getMessage());
        assertEquals(before, alloc.allocations());
    }

    @Test
    void algorithmNames() {
        assertEquals("lz4", Lz4Compressor.INSTANCE.algorithm());
        assertEquals("snappy", SnappyCompressor.INSTANCE.algorithm());
    }

    @Test
    void heapAllocatorWorksToo() {
        alloc = new TrackingAllocator(false);
        for (Compressor compressor : new Compressor[] {Lz4Compressor.INSTANCE, SnappyCompressor.INSTANCE}) {
            ByteBuf in = Unpooled.wrappedBuffer(hex(QUERY_49));
            ByteBuf compressed = compressor.compress(in, alloc);
            ByteBuf back = compressor.decompress(compressed, alloc, 49);
            Bytes.assertBytes(QUERY_49, back);
            back.release();
            compressed.release();
        }
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
