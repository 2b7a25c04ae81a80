package io.reactivecql.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frame encoding: exact bytes for the known-answer cases (computed independently, see
 * {@link CrcTest}), then packing and splitting rules and buffer ownership.
 */
class FrameEncoderTest {

    static final String OPTIONS = "050000010500000000";
    static final String QUERY_49 = "050000020700000028" + "61".repeat(40);
    static final String ENVELOPE_25 = "850000030800000010" + "000102030405060708090a0b0c0d0e0f";

    private final TrackingAllocator alloc = new TrackingAllocator(true);

    @AfterEach
    void everythingReleased() {
        alloc.assertAllReleased();
    }

    private ByteBuf encode(FrameEncoder encoder, String envelopesHex) {
        return encoder.encode(alloc.buffer().writeBytes(HexFormat.of().parseHex(envelopesHex)), alloc);
    }

    @Test
    void oneEnvelopeUncompressed() {
        ByteBuf framed = encode(new FrameEncoder(FrameFormat.UNCOMPRESSED), OPTIONS);
        try {
            // length 9 | self-contained, LE; CRC24 C1C8A4, LE; envelope; CRC32 867455B5, LE
            Bytes.assertBytes("090002 a4c8c1 " + OPTIONS + " b5557486", framed);
        } finally {
            framed.release();
        }
    }

    @Test
    void twoEnvelopesInOneSelfContainedFrame() {
        ByteBuf framed = encode(new FrameEncoder(FrameFormat.UNCOMPRESSED), OPTIONS + QUERY_49);
        try {
            Bytes.assertBytes("3a0002 736183 " + OPTIONS + QUERY_49 + " a18f287c", framed);
        } finally {
            framed.release();
        }
    }

    @Test
    void oneEnvelopeSplitAcrossThreeFrames() {
        ByteBuf framed = encode(new FrameEncoder(FrameFormat.UNCOMPRESSED, 10), ENVELOPE_25);
        try {
            // 10 + 10 + 5 payload bytes, self-contained bit clear on all three
            Bytes.assertBytes(
                    "0a0000 91b9c0 85000003080000001000 7cc549ee"
                    + "0a0000 91b9c0 0102030405060708090a 95b2b6bf"
                    + "050000 044823 0b0c0d0e0f 0afcde7d", framed);
        } finally {
            framed.release();
        }
    }

    @Test
    void lz4IncompressiblePayloadIsSentAsIs() {
        ByteBuf framed = encode(new FrameEncoder(FrameFormat.LZ4), OPTIONS);
        try {
            // compressed length 9, uncompressed length 0 (= not compressed), self-contained bit 34
            Bytes.assertBytes("0900000004 c2b895 " + OPTIONS + " b5557486", framed);
        } finally {
            framed.release();
        }
    }

    @Test
    void lz4CompressiblePayloadIsCompressed() {
        ByteBuf framed = encode(new FrameEncoder(FrameFormat.LZ4), QUERY_49);
        try {
            long header = framed.getUnsignedIntLE(0) | (long) framed.getUnsignedByte(4) << 32;
            int compressed = FrameHeader.payloadLength(header);
            assertEquals(49, FrameHeader.uncompressedLength(header, FrameFormat.LZ4));
            assertTrue(FrameHeader.isSelfContained(header, FrameFormat.LZ4));
            assertTrue(compressed < 49, "compressed to " + compressed);
            assertEquals(8 + compressed + 4, framed.readableBytes());
            assertEquals(Crc24.compute(header, 5), framed.getUnsignedMediumLE(5));
            assertEquals(Crc32.compute(framed, 8, compressed), framed.getIntLE(8 + compressed));
        } finally {
            framed.release();
        }
    }

    @Test
    void encodeInPlaceWritesIntoTheReservedRoom() {
        FrameEncoder encoder = new FrameEncoder(FrameFormat.UNCOMPRESSED);
        ByteBuf batch = encoder.newPayloadBuffer(alloc, 64);
        batch.writeBytes(HexFormat.of().parseHex(OPTIONS + QUERY_49));
        ByteBuf framed = encoder.encodeInPlace(batch, alloc);
        try {
            assertSame(batch, framed, "no new buffer for a batch that fits in one frame");
            Bytes.assertBytes("3a0002 736183 " + OPTIONS + QUERY_49 + " a18f287c", framed);
        } finally {
            framed.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNCOMPRESSED", "LZ4"})
    void encodeInPlaceFallsBackWhenTheBatchNeedsSeveralFrames(FrameFormat format) {
        FrameEncoder encoder = new FrameEncoder(format, 20);
        ByteBuf batch = encoder.newPayloadBuffer(alloc, 64);
        batch.writeBytes(HexFormat.of().parseHex(OPTIONS + OPTIONS + OPTIONS));
        ByteBuf framed = encoder.encodeInPlace(batch, alloc);
        try {
            assertEquals(List.of(18, 9), payloadLengths(framed, format));
        } finally {
            framed.release();
        }
    }

    @Test
    void encodeInPlaceWithoutReservedRoomIsRejectedAndReleased() {
        ByteBuf batch = alloc.buffer().writeBytes(HexFormat.of().parseHex(OPTIONS));
        assertThrows(IllegalArgumentException.class,
                () -> new FrameEncoder(FrameFormat.UNCOMPRESSED).encodeInPlace(batch, alloc));
        assertEquals(0, batch.refCnt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"05000001050000", "050000010500000001", "0500000105ffffffff"})
    void truncatedOrNegativeEnvelopeIsRejectedAndReleased(String hex) {
        for (FrameFormat format : FrameFormat.values()) {
            ByteBuf in = alloc.buffer().writeBytes(HexFormat.of().parseHex(hex));
            assertThrows(IllegalArgumentException.class, () -> new FrameEncoder(format).encode(in, alloc));
            assertEquals(0, in.refCnt());
        }
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        ByteBuf framed = new FrameEncoder(FrameFormat.UNCOMPRESSED).encode(alloc.buffer(), alloc);
        assertFalse(framed.isReadable());
        framed.release();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNCOMPRESSED", "LZ4"})
    void wholeEnvelopesArePackedAndOnlyOversizedOnesSplit(FrameFormat format) {
        // limit 30: [9 9 9] fill one frame (27), [20] starts the next, [45] is split 30+15,
        // then [9 9] share a last frame
        FrameEncoder encoder = new FrameEncoder(format, 30);
        List<byte[]> envelopes = TestEnvelopes.envelopes(1, 0, 0, 0, 11, 36, 0, 0);
        ByteBuf framed = encoder.encode(TestEnvelopes.concat(alloc, envelopes), alloc);
        try {
            assertEquals(List.of(27, 20, 30, 15, 18), payloadLengths(framed, format));
            assertEquals(List.of(true, true, false, false, true), selfContained(framed, format));
        } finally {
            framed.release();
        }
    }

    @Test
    void envelopeOfExactlyTheLimitFitsOneFrameAndOneMoreByteSplits() {
        FrameEncoder encoder = new FrameEncoder(FrameFormat.UNCOMPRESSED);
        int max = FrameFormat.MAX_PAYLOAD_LENGTH;
        ByteBuf framed = encoder.encode(TestEnvelopes.concat(alloc,
                TestEnvelopes.envelopes(7, max - 9, max - 8)), alloc);
        try {
            assertEquals(List.of(max, max, 1), payloadLengths(framed, FrameFormat.UNCOMPRESSED));
            assertEquals(List.of(true, false, false), selfContained(framed, FrameFormat.UNCOMPRESSED));
        } finally {
            framed.release();
        }
    }

    @Test
    void listOfBuffersIsFramedAsTheirConcatenation() {
        FrameEncoder encoder = new FrameEncoder(FrameFormat.UNCOMPRESSED);
        List<ByteBuf> parts = new ArrayList<>();
        parts.add(alloc.buffer().writeBytes(HexFormat.of().parseHex(OPTIONS)));
        parts.add(Unpooled.wrappedBuffer(HexFormat.of().parseHex(QUERY_49)));
        ByteBuf framed = encoder.encode(parts, alloc);
        try {
            Bytes.assertBytes("3a0002 736183 " + OPTIONS + QUERY_49 + " a18f287c", framed);
        } finally {
            framed.release();
        }
        parts.forEach(p -> assertEquals(0, p.refCnt()));
    }

    // ---------------------------------------------------------------- helpers

    /** The payload (as sent) length of each frame in {@code framed}, read without the decoder. */
    static List<Integer> payloadLengths(ByteBuf framed, FrameFormat format) {
        List<Integer> lengths = new ArrayList<>();
        for (int at = framed.readerIndex(); at < framed.writerIndex(); ) {
            int length = FrameHeader.payloadLength(FrameHeader.content(framed, at, format));
            int uncompressed = FrameHeader.uncompressedLength(FrameHeader.content(framed, at, format), format);
            lengths.add(uncompressed == 0 ? length : uncompressed);
            at += format.headerLength() + length + FrameFormat.TRAILER_LENGTH;
        }
        return lengths;
    }

    static List<Boolean> selfContained(ByteBuf framed, FrameFormat format) {
        List<Boolean> flags = new ArrayList<>();
        for (int at = framed.readerIndex(); at < framed.writerIndex(); ) {
            long content = FrameHeader.content(framed, at, format);
            flags.add(FrameHeader.isSelfContained(content, format));
            at += format.headerLength() + FrameHeader.payloadLength(content) + FrameFormat.TRAILER_LENGTH;
        }
        return flags;
    }
}
