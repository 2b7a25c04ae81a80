package io.reactivecql.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.compression.Compressor;
import io.reactivecql.protocol.compression.Lz4Block;
import io.reactivecql.protocol.compression.Lz4Compressor;
import io.reactivecql.protocol.compression.SnappyCompressor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input with valid checksums, so that it reaches the envelope and LZ4 logic: whatever the
 * bytes, the only failure allowed is {@link ProtocolException}, and nothing may stay unreleased.
 */
class FrameDecoderFuzzTest {

    private static final int ROUNDS = 1000;

    private final TrackingAllocator alloc = new TrackingAllocator(true);

    @AfterEach
    void everythingReleased() {
        alloc.assertAllReleased();
    }

    @Test
    void randomPayloadsWithValidChecksums() {
        Random random = new Random(42);
        int failures = 0;
        for (int round = 0; round < ROUNDS; round++) {
            FrameFormat format = random.nextBoolean() ? FrameFormat.LZ4 : FrameFormat.UNCOMPRESSED;
            ByteBuf stream = Unpooled.buffer();
            for (int frames = 1 + random.nextInt(3); frames > 0; frames--) {
                byte[] payload = randomPayload(random);
                boolean selfContained = random.nextInt(3) > 0;
                if (format == FrameFormat.LZ4) {
                    appendLz4Frame(stream, payload, selfContained, random);
                } else {
                    stream.writeBytes(FrameDecoderTest.frame(payload, selfContained));
                }
            }
            if (decodeExpectingOnlyProtocolExceptions(format, stream, random)) {
                failures++;
            }
        }
        // most rounds are garbage; make sure both outcomes were exercised
        assertTrue(failures > ROUNDS / 10 && failures < ROUNDS, failures + " of " + ROUNDS + " rounds failed");
    }

    @Test
    void randomBytes() {
        Random random = new Random(7);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            FrameFormat format = random.nextBoolean() ? FrameFormat.LZ4 : FrameFormat.UNCOMPRESSED;
            decodeExpectingOnlyProtocolExceptions(format, Unpooled.wrappedBuffer(bytes), random);
        }
    }

    @Test
    void randomCompressedBodies() {
        Random random = new Random(3);
        for (Compressor compressor : List.of(Lz4Compressor.INSTANCE, SnappyCompressor.INSTANCE)) {
            for (int round = 0; round < ROUNDS; round++) {
                byte[] bytes = mutate(valid(compressor, random), random);
                ByteBuf in = random.nextBoolean() ? Unpooled.wrappedBuffer(bytes)
                        : alloc.directBuffer(bytes.length).writeBytes(bytes);
                try {
                    compressor.decompress(in, alloc, 1 << 20).release();
                } catch (ProtocolException expected) {
                    // fine: corrupt input
                } finally {
                    in.release();
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Feeds the stream in random chunks; returns whether it failed (with a ProtocolException). */
    private boolean decodeExpectingOnlyProtocolExceptions(FrameFormat format, ByteBuf stream, Random random) {
        FrameDecoder decoder = new FrameDecoder(format, alloc, 1 << 16);
        try {
            while (stream.isReadable()) {
                int n = Math.min(stream.readableBytes(), 1 + random.nextInt(40));
                decoder.feed(stream.readRetainedSlice(n), ByteBuf::release);
            }
            return false;
        } catch (ProtocolException expected) {
            assertTrue(decoder.isClosed());
            return true;
        } finally {
            decoder.close();
            assertEquals(1, stream.refCnt());
            stream.release();
        }
    }

    /** Envelope-ish bytes: mostly plausible headers with random lengths, sometimes pure noise. */
    private static byte[] randomPayload(Random random) {
        ByteBuf buf = Unpooled.buffer();
        int envelopes = random.nextInt(4);
        for (int i = 0; i < envelopes; i++) {
            int body = random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(40);
            buf.writeByte(0x85).writeByte(0).writeShort(i).writeByte(8).writeInt(body);
            buf.writeZero(Math.max(0, Math.min(random.nextInt(50), Math.abs(body % 60))));
        }
        if (random.nextInt(4) == 0) {
            byte[] noise = new byte[random.nextInt(20)];
            random.nextBytes(noise);
            buf.writeBytes(noise);
        }
        return TestEnvelopes.drain(buf);
    }

    /** An LZ4 frame: honestly compressed, sent as is, or a random block with a random declared length. */
    private static void appendLz4Frame(ByteBuf stream, byte[] payload, boolean selfContained, Random random) {
        ByteBuf block = Unpooled.buffer();
        int uncompressed;
        switch (random.nextInt(3)) {
            case 0:
                Lz4Block.compress(Unpooled.wrappedBuffer(payload), 0, payload.length, block);
                uncompressed = payload.length;
                break;
            case 1:
                block.writeBytes(payload);
                uncompressed = 0;
                break;
            default:
                Lz4Block.compress(Unpooled.wrappedBuffer(payload), 0, payload.length, block);
                byte[] mutated = mutate(TestEnvelopes.drain(block), random);
                block = Unpooled.wrappedBuffer(mutated);
                uncompressed = random.nextInt(FrameFormat.MAX_PAYLOAD_LENGTH + 1);
        }
        stream.writeBytes(FrameDecoderTest.lz4Frame(TestEnvelopes.drain(block), uncompressed, selfContained));
    }

    private static byte[] valid(Compressor compressor, Random random) {
        byte[] data = new byte[random.nextInt(300)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt() : 'a');
        }
        return TestEnvelopes.drain(compressor.compress(Unpooled.wrappedBuffer(data), UnpooledByteBufAllocator.DEFAULT));
    }

    private static byte[] mutate(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        if (copy.length == 0) {
            return copy;
        }
        switch (random.nextInt(3)) {
            case 0:
                copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                return copy;
            case 1:
                return Arrays.copyOf(copy, random.nextInt(copy.length));
            default:
                for (int i = random.nextInt(4); i >= 0; i--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt();
                }
                return copy;
        }
    }
}
