package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.reactivecql.protocol.Message;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;
import org.opentest4j.AssertionFailedError;

import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Checks that a decoder treats bad bytes as untrusted input: every failure is a
 * {@link ProtocolException}, never another exception. Buffers are pooled (leak-tracked) and
 * released.
 */
public final class MalformedInput {

    /** Replacement bytes tried at each position: the extremes and the sign bit of a length. */
    private static final int[] MUTATIONS = {0x00, 0xFF, 0x80, 0x7F, 0x01, 0xFE};

    /** How many randomly mutated copies {@link #assertRandomMutationsDecodeOrReject} decodes. */
    public static final int RANDOM_ROUNDS = 500;

    private MalformedInput() {
    }

    /** Decodes {@code hex} expecting a {@link ProtocolException}, which is returned for message checks. */
    public static ProtocolException assertRejected(MessageCodec<?> codec, ProtocolVersion version, String hex) {
        byte[] bytes = parse(hex);
        return assertRejected(codec, version, bytes, bytes.length);
    }

    /** Every check below. */
    public static <M extends Message> void assertRobust(MessageCodec<M> codec, ProtocolVersion version, String validHex) {
        assertEveryTruncationRejected(codec, version, validHex);
        assertMutationsDecodeOrReject(codec, version, validHex);
        assertRandomMutationsDecodeOrReject(codec, version, validHex);
    }

    /**
     * Like {@link #assertMutationsDecodeOrReject}, with {@value #RANDOM_ROUNDS} copies each given
     * one to three random bytes at random positions. Seeded by the input, so a failure repeats
     * on every run.
     */
    public static <M extends Message> void assertRandomMutationsDecodeOrReject(MessageCodec<M> codec,
                                                                               ProtocolVersion version, String validHex) {
        byte[] valid = parse(validHex);
        if (valid.length == 0) {
            return;
        }
        Random random = new Random(validHex.hashCode());
        for (int round = 0; round < RANDOM_ROUNDS; round++) {
            byte[] bytes = valid.clone();
            int changes = 1 + random.nextInt(3);
            int index = 0;
            int value = 0;
            for (int c = 0; c < changes; c++) {
                index = random.nextInt(bytes.length);
                value = random.nextInt(256);
                bytes[index] = (byte) value;
            }
            decodeOrReject(codec, version, bytes, index, value);
        }
    }

    /** Every strict prefix of a valid encoding fails with a {@link ProtocolException}. */
    public static void assertEveryTruncationRejected(MessageCodec<?> codec, ProtocolVersion version, String validHex) {
        byte[] bytes = parse(validHex);
        for (int length = 0; length < bytes.length; length++) {
            assertRejected(codec, version, bytes, length);
        }
    }

    /**
     * Replacing any one byte of a valid encoding by a few chosen values either fails with a
     * {@link ProtocolException} or decodes to a message that encodes again and decodes back equal
     * (the decoder accepts nothing the encoder cannot write).
     */
    public static <M extends Message> void assertMutationsDecodeOrReject(MessageCodec<M> codec, ProtocolVersion version,
                                                                         String validHex) {
        byte[] bytes = parse(validHex);
        for (int i = 0; i < bytes.length; i++) {
            byte original = bytes[i];
            for (int mutation : MUTATIONS) {
                bytes[i] = (byte) mutation;
                decodeOrReject(codec, version, bytes, i, mutation);
            }
            bytes[i] = original;
        }
    }

    private static <M extends Message> void decodeOrReject(MessageCodec<M> codec, ProtocolVersion version, byte[] bytes,
                                                           int index, int mutation) {
        M decoded;
        ByteBuf in = copy(bytes, bytes.length);
        try {
            decoded = codec.decode(in, version);
        } catch (ProtocolException expected) {
            return; // fine: malformed input reported as such
        } catch (RuntimeException | Error e) {
            throw new AssertionFailedError(String.format("byte %d set to 0x%02X: %s threw %s instead of a ProtocolException",
                    index, mutation, codec.getClass().getSimpleName(), e), e);
        } finally {
            in.release();
        }
        ByteBuf again = PooledByteBufAllocator.DEFAULT.buffer();
        try {
            codec.encode(decoded, again, version);
            assertEquals(decoded, codec.decode(again, version),
                    () -> String.format("byte %d set to 0x%02X: decoded %s does not survive re-encoding", index, mutation, decoded));
        } finally {
            again.release();
        }
    }

    private static ProtocolException assertRejected(MessageCodec<?> codec, ProtocolVersion version, byte[] bytes,
                                                    int length) {
        ByteBuf in = copy(bytes, length);
        try {
            return assertThrows(ProtocolException.class, () -> codec.decode(in, version),
                    () -> "decoding the first " + length + " of " + bytes.length + " bytes with "
                            + codec.getClass().getSimpleName() + " " + version);
        } finally {
            in.release();
        }
    }

    private static ByteBuf copy(byte[] bytes, int length) {
        ByteBuf in = PooledByteBufAllocator.DEFAULT.buffer(Math.max(length, 1));
        in.writeBytes(bytes, 0, length);
        return in;
    }

    private static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s_]", ""));
    }
}
