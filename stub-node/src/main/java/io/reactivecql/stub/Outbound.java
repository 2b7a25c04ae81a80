package io.reactivecql.stub;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.reactivecql.protocol.Envelope;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.frame.Crc24;
import io.reactivecql.protocol.frame.Crc32;
import io.reactivecql.protocol.frame.FrameEncoder;
import io.reactivecql.protocol.frame.FrameFormat;
import io.reactivecql.protocol.response.error.ErrorCode;

import java.util.SplittableRandom;

/**
 * Encodes an answer into the bytes that go on the wire (bare envelope or v5 frames) and applies a
 * {@link Fault} to them. Every method returns a buffer the caller owns.
 */
final class Outbound {

    /** An envelope header in v3 and later: version, flags, stream (2), opcode, length (4). */
    private static final int HEADER_LENGTH = 9;

    private Outbound() {
    }

    /**
     * The wire bytes of {@code envelope}, damaged by {@code fault} (null for none; the
     * HALF_WRITTEN faults are the writer's business and pass through untouched).
     *
     * @param frames the v5 frame encoder, or null while the connection sends bare envelopes
     * @param seed   what {@link Fault#GARBLED_BODY} draws its bytes from
     */
    static ByteBuf encode(EnvelopeCodec codec, FrameEncoder frames, Envelope envelope, Fault fault, long seed,
                          ByteBufAllocator alloc) {
        ByteBuf bytes = codec.encode(envelope, alloc);
        boolean patchesHeader = fault == Fault.UNKNOWN_OPCODE || fault == Fault.OVERSIZED_LENGTH;
        try {
            if (fault == Fault.GARBLED_BODY) {
                garble(bytes, seed);
            } else if (fault == Fault.UNKNOWN_OPCODE) {
                bytes.setByte(bytes.readerIndex() + 4, Fault.UNKNOWN_OPCODE_VALUE);
            } else if (fault == Fault.OVERSIZED_LENGTH) {
                bytes.setInt(bytes.readerIndex() + 5, Fault.OVERSIZED_BODY_LENGTH);
            }
        } catch (RuntimeException e) {
            bytes.release();
            throw e;
        }
        if (frames != null) {
            // the frame encoder checks envelope lengths, which a patched header no longer matches
            bytes = patchesHeader ? frameAsIs(bytes, frames.format(), alloc) : frames.encode(bytes, alloc);
        }
        if (fault == Fault.CORRUPT_PAYLOAD_CRC || fault == Fault.CORRUPT_HEADER_CRC) {
            bytes = corrupt(bytes, fault, frames == null ? null : frames.format(), alloc);
        }
        return bytes;
    }

    /**
     * Frames {@code payload} as it is, whatever it holds: one self-contained frame, or a sequence
     * of frames that are not when it exceeds the payload limit. LZ4 frames carry the payload
     * uncompressed (uncompressed length 0), which the format allows. Releases {@code payload}.
     */
    static ByteBuf frameAsIs(ByteBuf payload, FrameFormat format, ByteBufAllocator alloc) {
        try {
            int total = payload.readableBytes();
            int frameCount = Math.max(1, (total + FrameFormat.MAX_PAYLOAD_LENGTH - 1) / FrameFormat.MAX_PAYLOAD_LENGTH);
            ByteBuf out = alloc.ioBuffer(total + frameCount * (format.headerLength() + FrameFormat.TRAILER_LENGTH));
            boolean selfContained = frameCount == 1;
            int at = payload.readerIndex();
            int end = payload.writerIndex();
            do {
                int length = Math.min(FrameFormat.MAX_PAYLOAD_LENGTH, end - at);
                int headerAt = out.writerIndex();
                if (format == FrameFormat.LZ4) {
                    long content = length | (selfContained ? 1L << 34 : 0L);
                    out.writeIntLE((int) content).writeByte((int) (content >>> 32));
                    out.writeMediumLE(Crc24.compute(content, 5));
                } else {
                    long content = length | (selfContained ? 1L << 17 : 0L);
                    out.writeMediumLE((int) content).writeMediumLE(Crc24.compute(content, 3));
                }
                int payloadAt = headerAt + format.headerLength();
                out.writeBytes(payload, at, length);
                out.writeIntLE(Crc32.compute(out, payloadAt, length));
                at += length;
            } while (at < end);
            return out;
        } finally {
            payload.release();
        }
    }

    /** Replaces one to four bytes of the body of the envelope in {@code envelope} (header left intact). */
    private static void garble(ByteBuf envelope, long seed) {
        int bodyAt = envelope.readerIndex() + HEADER_LENGTH;
        int bodyLength = envelope.writerIndex() - bodyAt;
        if (bodyLength <= 0) {
            return;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            int at = bodyAt + random.nextInt(bodyLength);
            envelope.setByte(at, envelope.getByte(at) ^ (1 + random.nextInt(255))); // never the same byte
        }
    }

    /** A copy of {@code wire} with one byte flipped where {@code fault} says; releases {@code wire}. */
    private static ByteBuf corrupt(ByteBuf wire, Fault fault, FrameFormat format, ByteBufAllocator alloc) {
        ByteBuf copy = alloc.buffer(wire.readableBytes());
        try {
            copy.writeBytes(wire, wire.readerIndex(), wire.readableBytes());
        } finally {
            wire.release();
        }
        int index;
        if (format == null) {
            index = fault == Fault.CORRUPT_PAYLOAD_CRC ? copy.writerIndex() - 1 : 0;
        } else {
            index = fault == Fault.CORRUPT_PAYLOAD_CRC
                    ? copy.writerIndex() - FrameFormat.TRAILER_LENGTH - 1  // last payload byte of the last frame
                    : format.headerLength() - 1;                           // a CRC24 byte of the first header
        }
        copy.setByte(index, copy.getByte(index) ^ 0xFF);
        return copy;
    }

    /**
     * A PROTOCOL_ERROR envelope in any version's header layout, for a client whose version the
     * node does not speak: v1 and v2 headers have a one-byte stream id, later ones a short. The
     * body (code and message) is the same in every version.
     */
    static ByteBuf rawProtocolError(int version, int streamId, String message, ByteBufAllocator alloc) {
        ByteBuf out = alloc.ioBuffer();
        out.writeByte(0x80 | version).writeByte(0);
        if (version <= 2) {
            out.writeByte(streamId);
        } else {
            out.writeShort(streamId);
        }
        out.writeByte(0x00); // ERROR
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        out.writeInt(ErrorCode.PROTOCOL_ERROR.code());
        Primitives.writeString(message, out);
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
        return out;
    }
}
