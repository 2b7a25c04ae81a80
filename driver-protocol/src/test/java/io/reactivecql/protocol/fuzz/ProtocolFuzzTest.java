package io.reactivecql.protocol.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.Message;
import io.reactivecql.protocol.MessageCodecRegistry;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.Request;
import io.reactivecql.protocol.Response;
import io.reactivecql.protocol.compression.Compressor;
import io.reactivecql.protocol.compression.Lz4Compressor;
import io.reactivecql.protocol.compression.SnappyCompressor;
import io.reactivecql.protocol.frame.FrameDecoder;
import io.reactivecql.protocol.frame.FrameEncoder;
import io.reactivecql.protocol.frame.FrameFormat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutation fuzzing of every message, in every form it travels in: bare v4/v5 envelopes,
 * LZ4- and Snappy-compressed v4 envelopes, and v5 frames (uncompressed and LZ4) holding one or
 * two envelopes. Over a million mutated inputs; each must either decode or fail with
 * {@link ProtocolException} — never another exception, an OOM, a hang or a leaked buffer (the
 * test JVM runs netty's PARANOID leak detector and the class fails on any leak report).
 */
class ProtocolFuzzTest {

    private static final int INPUTS = 1_000_000;
    private static final long SEED = 0x5EED_CA55L;

    private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;
    private static final EnvelopeCodec PLAIN = new EnvelopeCodec(MessageCodecRegistry.defaults());

    /** One seed input and how to decode it. */
    private record Seed(String name, byte[] bytes, Target target) {
    }

    private interface Target {
        /** Decodes the input completely, releasing whatever it produced. */
        void decode(ByteBuf input);
    }

    @Test
    void millionMutatedInputsDecodeOrFailWithProtocolException() {
        List<Seed> seeds = seeds();
        // every seed must decode as is: otherwise the fuzzer mutates garbage
        for (Seed seed : seeds) {
            decodeOrFail(seed, seed.bytes(), true);
        }
        Mutator mutator = new Mutator(SEED);
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < INPUTS; i++) {
            Seed seed = seeds.get(i % seeds.size());
            byte[] input = mutator.mutate(seed.bytes());
            if (decodeOrFail(seed, input, false)) {
                decoded++;
            } else {
                rejected++;
            }
        }
        assertEquals(INPUTS, decoded + rejected);
        // a fuzzer whose inputs all decode (or all fail) is not exploring anything
        assertTrue(decoded > INPUTS / 100, "only " + decoded + " mutated inputs decoded");
        assertTrue(rejected > INPUTS / 2, "only " + rejected + " mutated inputs were rejected");
    }

    /** True if decoded, false if rejected with ProtocolException; fails the test on anything else. */
    private static boolean decodeOrFail(Seed seed, byte[] input, boolean mustDecode) {
        ByteBuf buf = Unpooled.wrappedBuffer(input);
        try {
            seed.target().decode(buf);
            return true;
        } catch (ProtocolException e) {
            if (mustDecode) {
                fail("seed " + seed.name() + " does not decode: " + e.getMessage());
            }
            return false;
        } catch (Throwable t) {
            throw new AssertionError("seed " + seed.name() + ": " + t + " instead of ProtocolException for input\n"
                    + ByteBufUtil.prettyHexDump(Unpooled.wrappedBuffer(input)), t);
        }
    }

    private static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        for (ProtocolVersion version : ProtocolVersion.values()) {
            List<Message> messages = Corpus.messages(version);
            assertTrue(messages.size() >= 34, "corpus lost messages");
            for (Message message : messages) {
                Envelope envelope = envelope(version, message);
                String name = version + " " + Opcode.name(message.opcode()) + " " + message.getClass().getSimpleName();
                seeds.add(new Seed(name, bytes(PLAIN, envelope), in -> PLAIN.decode(in, ALLOC)));
                if (version == ProtocolVersion.V4) {
                    for (Compressor compressor : List.of(Lz4Compressor.INSTANCE, SnappyCompressor.INSTANCE)) {
                        EnvelopeCodec compressing = PLAIN.withCompressor(compressor);
                        seeds.add(new Seed(name + " " + compressor.algorithm(), bytes(compressing, envelope),
                                in -> compressing.decode(in, ALLOC)));
                    }
                } else {
                    for (FrameFormat format : FrameFormat.values()) {
                        seeds.add(new Seed(name + " in " + format + " frame", frame(format, envelope),
                                in -> decodeFrames(format, in)));
                    }
                }
            }
        }
        return seeds;
    }

    private static Envelope envelope(ProtocolVersion version, Message message) {
        if (message instanceof Response response) {
            // responses also carry the body prefixes, so those get mutated too
            return new Envelope(version, 3, true, new UUID(1, 2), List.of("careful"), java.util.Map.of(), false,
                    response);
        }
        return Envelope.request(version, 7, (Request) message);
    }

    private static byte[] bytes(EnvelopeCodec codec, Envelope envelope) {
        ByteBuf out = codec.encode(envelope, ALLOC);
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** Two copies of the envelope in one self-contained frame. */
    private static byte[] frame(FrameFormat format, Envelope envelope) {
        ByteBuf payload = ALLOC.buffer();
        PLAIN.encode(envelope, payload, ALLOC);
        PLAIN.encode(envelope.withStreamId(8), payload, ALLOC);
        ByteBuf frame = new FrameEncoder(format).encode(payload, ALLOC);
        try {
            return ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
    }

    private static void decodeFrames(FrameFormat format, ByteBuf in) {
        try (FrameDecoder decoder = new FrameDecoder(format, ALLOC)) {
            decoder.decode(in, envelope -> {
                try {
                    PLAIN.decode(envelope, ALLOC);
                } finally {
                    envelope.release();
                }
            });
        }
    }
}
