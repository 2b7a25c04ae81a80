package io.reactivecql.protocol.response.result;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.Bytes;
import io.reactivecql.protocol.Message;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.MessageRoundTrip;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Byte-level checks beyond {@link MessageRoundTrip}: lossy encodings (a field the target version
 * lacks), and hostile or broken bodies, which must fail with {@link ProtocolException} and nothing
 * else (no IndexOutOfBounds, no OutOfMemoryError, no IllegalArgumentException). Inputs are copied
 * into pooled, leak-tracked buffers that are always released. Shared by the error, result and event
 * tests.
 */
public final class CodecAssertions {

    private CodecAssertions() {
    }

    /**
     * For an encoding that loses information (e.g. a v5-only field written for v4): encoding gives
     * exactly {@code expectedHex}, and decoding those bytes consumes them all. Returns the decoded
     * message for the caller to compare with what the version can carry.
     */
    public static <M extends Message> M assertEncodesTo(MessageCodec<M> codec, M message, ProtocolVersion version,
                                                        String expectedHex) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            codec.encode(message, out, version);
            Bytes.assertBytes(expectedHex, out);
        } finally {
            out.release();
        }
        return MessageRoundTrip.decode(codec, version, expectedHex);
    }

    /** Decoding every strict prefix of a valid encoding (cut at every byte position) must fail. */
    public static void assertEveryTruncationFails(MessageCodec<? extends Message> codec, ProtocolVersion version,
                                                  String validHex) {
        byte[] valid = HexFormat.of().parseHex(validHex.replaceAll("[\\s_]", ""));
        for (int cut = 0; cut < valid.length; cut++) {
            int length = cut;
            ByteBuf in = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(length, 1));
            try {
                in.writeBytes(valid, 0, length);
                assertThrows(ProtocolException.class, () -> codec.decode(in, version),
                        () -> "decoding the first " + length + " of " + valid.length + " bytes did not fail");
            } finally {
                in.release();
            }
        }
    }

    /** Decoding {@code hex} must fail with a ProtocolException whose message contains {@code fragment}. */
    public static ProtocolException assertRejected(MessageCodec<? extends Message> codec, ProtocolVersion version,
                                                   String hex, String fragment) {
        ByteBuf source = Bytes.fromHex(hex);
        ByteBuf in = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(source.readableBytes(), 1));
        try {
            in.writeBytes(source);
            ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(in, version));
            assertTrue(e.getMessage().contains(fragment),
                    () -> "expected a message containing '" + fragment + "', got: " + e.getMessage());
            return e;
        } finally {
            in.release();
            source.release();
        }
    }
}
