package io.reactivecql.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Bytes;
import io.reactivecql.protocol.ProtocolException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;

import static io.reactivecql.protocol.frame.FrameEncoderTest.ENVELOPE_25;
import static io.reactivecql.protocol.frame.FrameEncoderTest.OPTIONS;
import static io.reactivecql.protocol.frame.FrameEncoderTest.QUERY_49;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frame decoding: the known-answer frames (hex computed independently, see {@link CrcTest}), then
 * every kind of bad input, which must fail with {@link ProtocolException} and leave nothing
 * unreleased.
 */
class FrameDecoderTest {

    /** The LZ4 frame of QUERY_49: a hand-written 20-byte block (10 literals, a 34-byte run, 5 literals). */
    static final String LZ4_QUERY_FRAME = "1400620004 94e8d0"
            + "af 050000020700000028 61 0100 0f 50 6161616161" + "0f38f81c";

    private final TrackingAllocator alloc = new TrackingAllocator(false);
    private final List<ByteBuf> received = new ArrayList<>();

    @AfterEach
    void everythingReleased() {
        received.forEach(ByteBuf::release);
        alloc.assertAllReleased();
    }

    private FrameDecoder decoder(FrameFormat format) {
        return new FrameDecoder(format, alloc);
    }

    private void feed(FrameDecoder decoder, String hex) {
        decoder.feed(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", ""))), received::add);
    }

    private void assertReceived(String... envelopesHex) {
        assertEquals(envelopesHex.length, received.size(), "envelopes received");
        for (int i = 0; i < envelopesHex.length; i++) {
            Bytes.assertBytes(envelopesHex[i], received.get(i));
        }
    }

    @Test
    void twoEnvelopesFromOneFrame() {
        try (FrameDecoder decoder = decoder(FrameFormat.UNCOMPRESSED)) {
            feed(decoder, "3a0002 736183 " + OPTIONS + QUERY_49 + " a18f287c");
            assertReceived(OPTIONS, QUERY_49);
            assertFalse(decoder.hasPartialData());
        }
    }

    @Test
    void oneEnvelopeFromThreeFrames() {
        try (FrameDecoder decoder = decoder(FrameFormat.UNCOMPRESSED)) {
            feed(decoder, "0a0000 91b9c0 85000003080000001000 7cc549ee");
            feed(decoder, "0a0000 91b9c0 0102030405060708090a 95b2b6bf");
            assertReceived();
            assertTrue(decoder.hasPartialData());
            feed(decoder, "050000 044823 0b0c0d0e0f 0afcde7d");
            assertReceived(ENVELOPE_25);
            assertFalse(decoder.hasPartialData());
        }
    }

    @Test
    void lz4CompressedFrame() {
        try (FrameDecoder decoder = decoder(FrameFormat.LZ4)) {
            feed(decoder, LZ4_QUERY_FRAME);
            assertReceived(QUERY_49);
        }
    }

    @Test
    void lz4FrameSentAsIs() {
        try (FrameDecoder decoder = decoder(FrameFormat.LZ4)) {
            feed(decoder, "0900000004 c2b895 " + OPTIONS + " b5557486");
            assertReceived(OPTIONS);
        }
    }

    @Test
    void emptySelfContainedFrameYieldsNothing() {
        try (FrameDecoder decoder = decoder(FrameFormat.UNCOMPRESSED)) {
            feed(decoder, "000002 6a36c4 d37e7744");
            assertReceived();
            assertFalse(decoder.hasPartialData());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNCOMPRESSED", "LZ4"})
    void byteAtATime(FrameFormat format) {
        String stream = format == FrameFormat.LZ4
                ? LZ4_QUERY_FRAME + "0900000004 c2b895 " + OPTIONS + " b5557486"
                : "3a0002 736183 " + OPTIONS + QUERY_49 + " a18f287c"
                  + "0a0000 91b9c0 85000003080000001000 7cc549ee"
                  + "0a0000 91b9c0 0102030405060708090a 95b2b6bf"
                  + "050000 044823 0b0c0d0e0f 0afcde7d";
        byte[] bytes = HexFormat.of().parseHex(stream.replace(" ", ""));
        try (FrameDecoder decoder = decoder(format)) {
            for (byte b : bytes) {
                ByteBuf one = alloc.buffer(1).writeByte(b);
                decoder.feed(one, received::add);
            }
            if (format == FrameFormat.LZ4) {
                assertReceived(QUERY_49, OPTIONS);
            } else {
                assertReceived(OPTIONS, QUERY_49, ENVELOPE_25);
            }
        }
    }

    @Test
    void decodeLeavesAnIncompleteFrameUnread() {
        ByteBuf in = Bytes.fromHex("3a0002 736183 " + OPTIONS + QUERY_49 + " a18f287c" + "0a0000 91b9c0 8500");
        try (FrameDecoder decoder = decoder(FrameFormat.UNCOMPRESSED)) {
            decoder.decode(in, received::add);
            assertReceived(OPTIONS, QUERY_49);
            Bytes.assertBytes("0a000091b9c08500", in);
        } finally {
            in.release();
        }
    }

    // ---------------------------------------------------------------- corruption

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void corruptHeaderByteFailsTheHeaderCrc(int index) {
        byte[] frame = HexFormat.of().parseHex("3a0002736183" + OPTIONS + QUERY_49 + "a18f287c");
        frame[index] ^= 0x10;
        ProtocolException e = assertFails(FrameFormat.UNCOMPRESSED, frame);
        assertTrue(e.getMessage().contains("CRC24"), e.getMessage());
    }

    @Test
    void corruptHeaderFailsBeforeThePayloadArrives() {
        try (FrameDecoder decoder = decoder(FrameFormat.UNCOMPRESSED)) {
            // a header claiming 128 KiB: the garbage is seen at once, not after 128 KiB of waiting
            assertThrows(ProtocolException.class, () -> feed(decoder, "ffff03 000000"));
            assertTrue(decoder.isClosed());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 10, 63, 64, 67})
    void corruptPayloadOrTrailerByteFailsThePayloadCrc(int index) {
        byte[] frame = HexFormat.of().parseHex("3a0002736183" + OPTIONS + QUERY_49 + "a18f287c");
        frame[index] ^= 0x01;
        ProtocolException e = assertFails(FrameFormat.UNCOMPRESSED, frame);
        assertTrue(e.getMessage().contains("CRC32"), e.getMessage());
    }

    @Test
    void corruptLz4HeaderAndTrailer() {
        byte[] frame = HexFormat.of().parseHex(LZ4_QUERY_FRAME.replace(" ", ""));
        byte[] badHeader = frame.clone();
        badHeader[4] ^= 0x04; // the self-contained bit
        assertTrue(assertFails(FrameFormat.LZ4, badHeader).getMessage().contains("CRC24"));
        byte[] badTrailer = frame.clone();
        badTrailer[frame.length - 1] ^= 0x01;
        assertTrue(assertFails(FrameFormat.LZ4, badTrailer).getMessage().contains("CRC32"));
    }

    @Test
    void corruptLz4BlockWithValidCrcs() {
        // offset 0x0100 reaches before the start of the output
        byte[] block = HexFormat.of().parseHex("af050000020700000028610001" + "0f506161616161");
        assertTrue(assertFails(FrameFormat.LZ4, lz4Frame(block, 49, true)).getMessage().contains("LZ4"));
    }

    @Test
    void lz4BlockShorterThanDeclared() {
        byte[] block = HexFormat.of().parseHex("af050000020700000028610100" + "0f506161616161");
        assertTrue(assertFails(FrameFormat.LZ4, lz4Frame(block, 50, true)).getMessage().contains("LZ4"));
    }

    @Test
    void envelopeClaimingMoreThanTheSelfContainedFrameHolds() {
        ProtocolException e = assertFails(FrameFormat.UNCOMPRESSED,
                frame(HexFormat.of().parseHex(OPTIONS + "05000002070000002961"), true));
        assertTrue(e.getMessage().contains("claims 50 bytes"), e.getMessage());
    }

    @Test
    void selfContainedFrameEndingInsideAnEnvelopeHeader() {
        ProtocolException e = assertFails(FrameFormat.UNCOMPRESSED,
                frame(HexFormat.of().parseHex(OPTIONS + "0500"), true));
        assertTrue(e.getMessage().contains("less than an envelope header"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ffffffff", "80000000", "10000001"})
    void negativeOrOversizedBodyLength(String length) {
        byte[] envelope = HexFormat.of().parseHex("0500000107" + length);
        assertTrue(assertFails(FrameFormat.UNCOMPRESSED, frame(envelope, true)).getMessage().contains("declares a body"));
        assertTrue(assertFails(FrameFormat.UNCOMPRESSED, frame(envelope, false)).getMessage().contains("declares a body"));
    }

    @Test
    void bodyAboveTheConfiguredMaximum() {
        try (FrameDecoder decoder = new FrameDecoder(FrameFormat.UNCOMPRESSED, alloc, 100)) {
            ByteBuf frame = Unpooled.wrappedBuffer(frame(HexFormat.of().parseHex("850000010800000065"), false));
            assertThrows(ProtocolException.class, () -> decoder.feed(frame, received::add));
            assertEquals(0, frame.refCnt());
        }
    }

    @Test
    void splitFramesCarryingMoreThanTheirEnvelope() {
        ProtocolException e = assertFails(FrameFormat.UNCOMPRESSED, concat(
                frame(HexFormat.of().parseHex("85000003080000001000"), false),
                frame(HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10"), false)));
        assertTrue(e.getMessage().contains("more than its 25"), e.getMessage());
    }

    @Test
    void selfContainedFrameWhileASplitEnvelopeIsIncomplete() {
        ProtocolException e = assertFails(FrameFormat.UNCOMPRESSED, concat(
                frame(HexFormat.of().parseHex("85000003080000001000"), false),
                frame(HexFormat.of().parseHex(OPTIONS), true)));
        assertTrue(e.getMessage().contains("split across frames is incomplete"), e.getMessage());
    }

    @Test
    void aFailedDecoderStaysFailedAndReleasesLaterInput() {
        FrameDecoder decoder = decoder(FrameFormat.UNCOMPRESSED);
        feed(decoder, "0a0000 91b9c0 85000003080000001000 7cc549ee"); // holds a split envelope
        feed(decoder, "3a0002 736183 0500"); // holds part of a frame
        assertTrue(decoder.hasPartialData());
        // completes the frame with garbage: its payload CRC32 fails
        assertThrows(ProtocolException.class, () -> feed(decoder, "ff".repeat(60)));
        assertTrue(decoder.isClosed());
        assertFalse(decoder.hasPartialData());
        ByteBuf later = alloc.buffer().writeBytes(HexFormat.of().parseHex("090002a4c8c1"));
        ProtocolException again = assertThrows(ProtocolException.class, () -> decoder.feed(later, received::add));
        assertTrue(again.getMessage().contains("already failed"), again.getMessage());
        assertEquals(0, later.refCnt());
        ByteBuf unowned = Bytes.fromHex(OPTIONS);
        assertThrows(ProtocolException.class, () -> decoder.decode(unowned, received::add));
        assertEquals(1, unowned.refCnt(), "decode() never releases the caller's buffer");
        unowned.release();
    }

    @Test
    void closeReleasesHeldBytes() {
        FrameDecoder decoder = decoder(FrameFormat.LZ4);
        ByteBuf partial = alloc.buffer().writeBytes(HexFormat.of().parseHex("1400620004 94e8d0 af05".replace(" ", "")));
        decoder.feed(partial, received::add);
        assertTrue(decoder.hasPartialData());
        decoder.close();
        decoder.close();
        assertEquals(0, partial.refCnt());
        assertThrows(IllegalStateException.class, () -> decoder.decode(Unpooled.EMPTY_BUFFER, received::add));
    }

    @Test
    void aThrowingConsumerClosesTheDecoderAndOwnsItsEnvelope() {
        FrameDecoder decoder = decoder(FrameFormat.UNCOMPRESSED);
        List<ByteBuf> handedOut = new ArrayList<>();
        Consumer<ByteBuf> failing = envelope -> {
            handedOut.add(envelope);
            throw new IllegalStateException("consumer failed");
        };
        ByteBuf in = Unpooled.wrappedBuffer(HexFormat.of().parseHex("3a0002736183" + OPTIONS + QUERY_49 + "a18f287c"));
        assertThrows(IllegalStateException.class, () -> decoder.feed(in, failing));
        assertTrue(decoder.isClosed());
        assertEquals(1, handedOut.size(), "the second envelope is never sliced");
        handedOut.get(0).release();
        assertEquals(0, in.refCnt());
    }

    @Test
    void aConsumerMayCloseTheDecoder() {
        FrameDecoder decoder = decoder(FrameFormat.UNCOMPRESSED);
        List<ByteBuf> handedOut = new ArrayList<>();
        ByteBuf in = alloc.buffer().writeBytes(HexFormat.of().parseHex(
                "3a0002736183" + OPTIONS + QUERY_49 + "a18f287c" + "090002a4c8c1" + OPTIONS + "b5557486"));
        decoder.feed(in, envelope -> {
            handedOut.add(envelope);
            decoder.close();
        });
        assertTrue(decoder.isClosed());
        assertEquals(1, handedOut.size());
        Bytes.assertBytes(OPTIONS, handedOut.get(0));
        handedOut.get(0).release();
        assertEquals(0, in.refCnt());
    }

    // ---------------------------------------------------------------- helpers

    private ProtocolException assertFails(FrameFormat format, byte[] stream) {
        FrameDecoder decoder = decoder(format);
        ByteBuf in = alloc.buffer().writeBytes(stream);
        ProtocolException e = assertThrows(ProtocolException.class, () -> decoder.feed(in, received::add));
        assertTrue(decoder.isClosed(), "a failed decoder is closed");
        assertEquals(0, in.refCnt(), "the decoder released the input it took");
        assertTrue(e.getMessage().startsWith("v5 "), e.getMessage());
        alloc.assertAllReleased();
        return e;
    }

    /** An uncompressed frame around {@code payload}, built with the code under test (CRCs are pinned above). */
    static byte[] frame(byte[] payload, boolean selfContained) {
        ByteBuf buf = Unpooled.buffer();
        buf.writeZero(6);
        FrameHeader.set(buf, 0, FrameFormat.UNCOMPRESSED, payload.length, 0, selfContained);
        buf.writeBytes(payload).writeIntLE(Crc32.compute(new CRC32(), Unpooled.wrappedBuffer(payload), 0, payload.length));
        return TestEnvelopes.drain(buf);
    }

    static byte[] lz4Frame(byte[] block, int uncompressedLength, boolean selfContained) {
        ByteBuf buf = Unpooled.buffer();
        buf.writeZero(8);
        FrameHeader.set(buf, 0, FrameFormat.LZ4, block.length, uncompressedLength, selfContained);
        buf.writeBytes(block).writeIntLE(Crc32.compute(Unpooled.wrappedBuffer(block), 0, block.length));
        return TestEnvelopes.drain(buf);
    }

    static byte[] concat(byte[]... parts) {
        ByteBuf buf = Unpooled.buffer();
        for (byte[] part : parts) {
            buf.writeBytes(part);
        }
        return TestEnvelopes.drain(buf);
    }
}
