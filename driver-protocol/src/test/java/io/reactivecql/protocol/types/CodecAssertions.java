package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.Bytes;
import io.reactivecql.protocol.ProtocolException;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The round trip every codec test makes: each encode path gives exactly the expected bytes, and
 * each decode path (ByteBuffer, array slice at an offset, heap and direct ByteBuf) gives back an
 * equal value.
 */
final class CodecAssertions {

    private CodecAssertions() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s_]", ""));
    }

    static String hex(ByteBuffer bytes) {
        ByteBuffer d = bytes.duplicate();
        byte[] b = new byte[d.remaining()];
        d.get(b);
        return HexFormat.of().formatHex(b);
    }

    /** Checks all encode and decode paths of {@code codec} for {@code value} against {@code expectedHex}. */
    static <T> void assertRoundTrip(TypeCodec<T> codec, T value, String expectedHex) {
        assertRoundTrip(codec, value, expectedHex, value);
    }

    /** Like {@link #assertRoundTrip(TypeCodec, Object, String)} when decoding gives another equal form. */
    static <T> void assertRoundTrip(TypeCodec<T> codec, T value, String expectedHex, Object expectedDecoded) {
        String expected = expectedHex.replaceAll("[\\s_]", "").toLowerCase();
        ByteBuffer encoded = codec.encode(value);
        assertEquals(expected, hex(encoded), "encode(" + value + ")");
        assertEquals(0, encoded.position());
        assertEquals(expected.length() / 2, codec.encodedSize(value), "encodedSize(" + value + ")");

        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            out.writeByte(0x77); // the value need not start at index 0
            codec.encodeValue(value, out);
            Bytes.assertBytes("77" + String.format("%08x", expected.length() / 2) + expected, out);
            assertEquals(expectedDecoded, codec.decode(out, 5, expected.length() / 2), "decode(direct ByteBuf)");
        } finally {
            out.release();
        }
        ByteBuf heap = PooledByteBufAllocator.DEFAULT.heapBuffer();
        try {
            codec.encodeObject(value, heap);
            assertEquals(expectedDecoded, codec.decode(heap, 4, heap.readableBytes() - 4), "decode(heap ByteBuf)");
        } finally {
            heap.release();
        }

        assertEquals(expectedDecoded, codec.decode(encoded), "decode(ByteBuffer)");
        assertEquals(expectedDecoded, codec.decode(encoded.asReadOnlyBuffer()), "decode(read-only ByteBuffer)");
        byte[] bytes = hex(expected);
        byte[] padded = new byte[bytes.length + 6];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        assertEquals(expectedDecoded, codec.decode(padded, 3, bytes.length), "decode(array slice)");
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        assertEquals(expectedDecoded, codec.decode(direct), "decode(direct ByteBuffer)");
        assertEquals(0, direct.position(), "decode must not move the position");
    }

    /** Checks that NULL decodes to null and null encodes to NULL. */
    static void assertNullHandling(TypeCodec<?> codec) {
        assertEquals(null, codec.decode((ByteBuffer) null));
        assertEquals(null, codec.decode(new byte[0], 0, -1));
        assertEquals(null, codec.encode(null));
        ByteBuf out = PooledByteBufAllocator.DEFAULT.heapBuffer();
        try {
            codec.encodeObject(null, out);
            Bytes.assertBytes("ffffffff", out);
        } finally {
            out.release();
        }
    }

    /** Decodes {@code hex} and expects a {@link ProtocolException}. */
    static ProtocolException assertMalformed(TypeCodec<?> codec, String hex) {
        byte[] bytes = hex(hex);
        return assertThrows(ProtocolException.class, () -> codec.decode(bytes, 0, bytes.length),
                () -> "decoding " + hex + " with " + codec);
    }
}
