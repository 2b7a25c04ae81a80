package io.reactivecql.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The check every per-message test makes: encoding gives exactly the expected bytes (hex dump on
 * mismatch), decoding them gives back an equal message, and nothing is left over.
 */
public final class MessageRoundTrip {

    private MessageRoundTrip() {
    }

    /**
     * Encodes {@code message} with {@code codec} for {@code version}, compares with
     * {@code expectedHex}, decodes and compares with the original (or with {@code expectedDecoded}
     * when the encoding is lossy, e.g. defaults filled in). Returns the decoded message.
     */
    public static <M extends Message> M assertRoundTrip(MessageCodec<M> codec, M message, ProtocolVersion version,
                                                        String expectedHex) {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            codec.encode(message, out, version);
            Bytes.assertBytes(expectedHex, out);
            M decoded = codec.decode(out, version);
            assertFalse(out.isReadable(), () -> out.readableBytes() + " bytes left after decoding " + message);
            assertEquals(message, decoded, "decoded message differs from the encoded one");
            return decoded;
        } finally {
            out.release();
        }
    }

    /** Decodes {@code hex} with {@code codec}, checking that every byte is consumed. */
    public static <M extends Message> M decode(MessageCodec<M> codec, ProtocolVersion version, String hex) {
        ByteBuf in = Bytes.fromHex(hex);
        try {
            M decoded = codec.decode(in, version);
            assertFalse(in.isReadable(), () -> in.readableBytes() + " bytes left after decoding");
            return decoded;
        } finally {
            in.release();
        }
    }
}
