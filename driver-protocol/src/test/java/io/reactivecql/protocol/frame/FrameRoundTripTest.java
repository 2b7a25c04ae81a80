package io.reactivecql.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Encoder and decoder together: whatever the envelope sizes, the format, the buffer kinds and the
 * way the stream is cut, the decoder hands back exactly the envelopes that went in.
 */
class FrameRoundTripTest {

    private static final int BIG = 300_000; // three frames at the spec's limit

    private TrackingAllocator alloc;

    @AfterEach
    void everythingReleased() {
        alloc.assertAllReleased();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int[][] batches = {
            {0},
            {0, 40, 3},
            {BIG},                                   // one envelope split across three frames
            {5, BIG, 7, 0},                          // small ones around a split one
            {FrameFormat.MAX_PAYLOAD_LENGTH - 9, 0}, // exactly one full frame, then another
            {70_000, 70_000, 70_000},                // each closes the previous frame
        };
        for (FrameFormat format : FrameFormat.values()) {
            for (boolean direct : new boolean[] {true, false}) {
                for (int[] batch : batches) {
                    cases.add(Arguments.of(format, direct, batch));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} direct={1} bodies={2}")
    @MethodSource("cases")
    void envelopesSurviveAnyChunking(FrameFormat format, boolean direct, int[] bodies) {
        alloc = new TrackingAllocator(direct);
        List<byte[]> envelopes = TestEnvelopes.envelopes(bodies.length * 31L, bodies);
        FrameEncoder encoder = new FrameEncoder(format);
        byte[] stream = TestEnvelopes.drain(encoder.encode(TestEnvelopes.concat(alloc, envelopes), alloc));

        // (tiny chunks only for short streams: the PARANOID leak detector makes every access slow)
        boolean small = stream.length < 1_000;
        if (small) {
            assertDecoded(envelopes, format, stream, null, 1); // exactly one byte at a time
        }
        assertDecoded(envelopes, format, stream, new Random(2), small ? 17 : 4096);
        assertDecoded(envelopes, format, stream, new Random(3), 70_000);
        assertDecoded(envelopes, format, stream, new Random(4), stream.length);
        assertDecodedByteToMessageStyle(envelopes, format, stream, new Random(5));

        // the other ways in give the same bytes on the wire
        ByteBuf batch = encoder.newPayloadBuffer(alloc, 16);
        envelopes.forEach(batch::writeBytes);
        assertArrayEquals(stream, TestEnvelopes.drain(encoder.encodeInPlace(batch, alloc)), "encodeInPlace");
        List<ByteBuf> parts = new ArrayList<>();
        envelopes.forEach(e -> parts.add(alloc.buffer().writeBytes(e)));
        assertArrayEquals(stream, TestEnvelopes.drain(encoder.encode(parts, alloc)), "encode(List)");
    }

    /** Feeds the stream in random chunks of 1..maxChunk bytes (exactly 1 when random is null). */
    private void assertDecoded(List<byte[]> expected, FrameFormat format, byte[] stream, Random random, int maxChunk) {
        List<byte[]> decoded = new ArrayList<>();
        try (FrameDecoder decoder = new FrameDecoder(format, alloc)) {
            for (int at = 0; at < stream.length; ) {
                int n = random == null ? 1 : Math.min(stream.length - at, 1 + random.nextInt(maxChunk));
                ByteBuf chunk = random != null && random.nextBoolean()
                        ? alloc.buffer(n).writeBytes(stream, at, n)
                        : Unpooled.wrappedBuffer(stream, at, n);
                decoder.feed(chunk, envelope -> decoded.add(TestEnvelopes.drain(envelope)));
                at += n;
            }
            assertFalse(decoder.hasPartialData());
        }
        assertSame(expected, decoded);
    }

    /** Drives {@link FrameDecoder#decode} the way netty's ByteToMessageDecoder would, with a composite cumulation. */
    private void assertDecodedByteToMessageStyle(List<byte[]> expected, FrameFormat format, byte[] stream, Random random) {
        List<byte[]> decoded = new ArrayList<>();
        CompositeByteBuf cumulation = alloc.compositeBuffer(Integer.MAX_VALUE);
        try (FrameDecoder decoder = new FrameDecoder(format, alloc)) {
            for (int at = 0; at < stream.length; ) {
                int n = Math.min(stream.length - at, 1 + random.nextInt(stream.length < 1_000 ? 40 : 40_000));
                cumulation.addComponent(true, alloc.buffer(n).writeBytes(stream, at, n));
                at += n;
                decoder.decode(cumulation, envelope -> decoded.add(TestEnvelopes.drain(envelope)));
                if (cumulation.refCnt() == 1) {
                    // as ByteToMessageDecoder does: never move bytes under a retained slice
                    cumulation.discardReadComponents();
                }
            }
            assertEquals(0, cumulation.readableBytes());
        } finally {
            cumulation.release();
        }
        assertSame(expected, decoded);
    }

    private static void assertSame(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size(), "number of envelopes");
        for (int i = 0; i < expected.size(); i++) {
            if (!Arrays.equals(expected.get(i), actual.get(i))) {
                assertEquals(ByteBufUtil.hexDump(expected.get(i)), ByteBufUtil.hexDump(actual.get(i)), "envelope " + i);
            }
        }
    }
}
