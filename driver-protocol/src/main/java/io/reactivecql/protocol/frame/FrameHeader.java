package io.reactivecql.protocol.frame;

import io.netty.buffer.ByteBuf;

/**
 * Reads and writes the little-endian frame headers of both formats. The header content (3 or 5
 * bytes) is handled as one long: bits 0-16 the payload length, then for LZ4 bits 17-33 the
 * uncompressed length; the self-contained flag is the next bit (17 or 34); the remaining bits up to
 * the byte boundary are padding, covered by the CRC24 but otherwise ignored.
 */
final class FrameHeader {

    private static final int LENGTH_MASK = FrameFormat.MAX_PAYLOAD_LENGTH;

    private FrameHeader() {
    }

    /** Writes a header at {@code index} (not moving the writer index). */
    static void set(ByteBuf out, int index, FrameFormat format, int payloadLength, int uncompressedLength,
                    boolean selfContained) {
        long content = payloadLength;
        if (format == FrameFormat.LZ4) {
            content |= (long) uncompressedLength << 17;
            if (selfContained) {
                content |= 1L << 34;
            }
            int crc = Crc24.compute(content, 5);
            out.setIntLE(index, (int) content);
            out.setByte(index + 4, (int) (content >>> 32));
            out.setMediumLE(index + 5, crc);
        } else {
            if (selfContained) {
                content |= 1L << 17;
            }
            out.setMediumLE(index, (int) content);
            out.setMediumLE(index + 3, Crc24.compute(content, 3));
        }
    }

    /** The header content bits at {@code index}: 3 or 5 bytes, little-endian, CRC excluded. */
    static long content(ByteBuf in, int index, FrameFormat format) {
        if (format == FrameFormat.LZ4) {
            return in.getUnsignedIntLE(index) | (long) in.getUnsignedByte(index + 4) << 32;
        }
        return in.getUnsignedMediumLE(index);
    }

    /** The CRC24 the header at {@code index} carries. */
    static int storedCrc(ByteBuf in, int index, FrameFormat format) {
        return in.getUnsignedMediumLE(index + format.headerContentLength());
    }

    /** The CRC24 the header content should carry. */
    static int computedCrc(long content, FrameFormat format) {
        return Crc24.compute(content, format.headerContentLength());
    }

    /** The length of the payload as sent (compressed, for LZ4 frames that were compressed). */
    static int payloadLength(long content) {
        return (int) (content & LENGTH_MASK);
    }

    /** The uncompressed payload length of an LZ4 frame, 0 when sent as is; always 0 otherwise. */
    static int uncompressedLength(long content, FrameFormat format) {
        return format == FrameFormat.LZ4 ? (int) ((content >>> 17) & LENGTH_MASK) : 0;
    }

    static boolean isSelfContained(long content, FrameFormat format) {
        return (content & (format == FrameFormat.LZ4 ? 1L << 34 : 1L << 17)) != 0;
    }
}
