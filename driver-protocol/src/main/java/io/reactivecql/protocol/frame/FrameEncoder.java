package io.reactivecql.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.compression.Lz4Block;

import java.util.List;
import java.util.zip.CRC32;

/**
 * Wraps encoded envelopes in v5 frames. Whole envelopes are packed, in order, into self-contained
 * frames of at most {@link #maxPayloadLength()} payload bytes; an envelope too large for one frame
 * gets a sequence of frames of its own, none self-contained (section 1 of the v5 spec).
 *
 * <p>Immutable and thread-safe. The hot path, for a connection writing one flush worth of
 * envelopes:
 * <pre>{@code
 * ByteBuf batch = frameEncoder.newPayloadBuffer(alloc, 1024);
 * for (Envelope e : pending) envelopeCodec.encode(e, batch, alloc);
 * channel.write(frameEncoder.encodeInPlace(batch, alloc));
 * }</pre>
 * When the batch fits in one uncompressed frame, the header is written into the room reserved in
 * front of it and the CRC32 appended: no copy at all. Otherwise uncompressed frames are assembled
 * as a {@link CompositeByteBuf} of the envelope bytes and small header/trailer pieces (still no copy
 * of the payload), and LZ4 frames are compressed straight into one pooled buffer.
 *
 * <p>Ownership: every {@code encode} method takes over the buffers it is given (they are released,
 * or live on inside the result) and returns a buffer the caller owns and must release (normally by
 * writing it to a channel).
 */
public final class FrameEncoder {

    private final FrameFormat format;
    private final int maxPayloadLength;

    /** An encoder filling frames up to the spec's limit of 128 KiB - 1 payload bytes. */
    public FrameEncoder(FrameFormat format) {
        this(format, FrameFormat.MAX_PAYLOAD_LENGTH);
    }

    /**
     * @param maxPayloadLength the largest payload (uncompressed, for LZ4) put in one frame, in
     *                         {@code 1..}{@link FrameFormat#MAX_PAYLOAD_LENGTH}; smaller values only
     *                         make sense in tests
     */
    public FrameEncoder(FrameFormat format, int maxPayloadLength) {
        if (format == null) {
            throw new NullPointerException("format");
        }
        if (maxPayloadLength < 1 || maxPayloadLength > FrameFormat.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("maxPayloadLength must be in 1.." + FrameFormat.MAX_PAYLOAD_LENGTH
                    + ", was " + maxPayloadLength);
        }
        this.format = format;
        this.maxPayloadLength = maxPayloadLength;
    }

    public FrameFormat format() {
        return format;
    }

    public int maxPayloadLength() {
        return maxPayloadLength;
    }

    /**
     * A new pooled I/O buffer to encode envelopes into, with room for a frame header reserved in
     * front of its (empty) readable region, for {@link #encodeInPlace}. The caller owns it.
     */
    public ByteBuf newPayloadBuffer(ByteBufAllocator allocator, int initialPayloadCapacity) {
        int header = format.headerLength();
        ByteBuf buf = allocator.ioBuffer(header + initialPayloadCapacity + FrameFormat.TRAILER_LENGTH);
        buf.writerIndex(header).readerIndex(header);
        return buf;
    }

    /**
     * Frames the whole envelopes readable in a buffer from {@link #newPayloadBuffer}, writing the
     * header into the reserved room when they fit in one uncompressed frame, else falling back to
     * {@link #encode(ByteBuf, ByteBufAllocator)}. Takes ownership of {@code payload}; the caller owns
     * the result (which may be {@code payload} itself).
     *
     * @throws IllegalArgumentException when the buffer has no reserved room or holds a truncated
     *                                  envelope ({@code payload} is released)
     */
    public ByteBuf encodeInPlace(ByteBuf payload, ByteBufAllocator allocator) {
        int header = format.headerLength();
        int start = payload.readerIndex();
        int length = payload.readableBytes();
        if (format != FrameFormat.UNCOMPRESSED || length == 0 || length > maxPayloadLength) {
            return encode(payload, allocator);
        }
        try {
            if (start < header) {
                throw new IllegalArgumentException("no room reserved for a " + header + "-byte frame header before "
                        + "reader index " + start + ": use newPayloadBuffer");
            }
            checkEnvelopes(payload, start, start + length);
            payload.ensureWritable(FrameFormat.TRAILER_LENGTH);
            FrameHeader.set(payload, start - header, format, length, 0, true);
            payload.writeIntLE(Crc32.compute(payload, start, length));
            payload.readerIndex(start - header);
            return payload;
        } catch (RuntimeException e) {
            payload.release();
            throw e;
        }
    }

    /**
     * Frames the whole envelopes concatenated in {@code envelopes}' readable bytes. Takes ownership
     * of {@code envelopes}; the caller owns the result, which is empty when there was nothing to
     * frame.
     *
     * @throws IllegalArgumentException when the bytes do not end on an envelope boundary
     *                                  ({@code envelopes} is released)
     */
    public ByteBuf encode(ByteBuf envelopes, ByteBufAllocator allocator) {
        try {
            int start = envelopes.readerIndex();
            int end = envelopes.writerIndex();
            if (start == end) {
                return envelopes;
            }
            FramePlan plan = FramePlan.of(envelopes, start, end, maxPayloadLength);
            ByteBuf framed = format == FrameFormat.LZ4
                    ? compressFrames(envelopes, plan, allocator)
                    : assembleFrames(envelopes, plan, allocator);
            envelopes.release();
            return framed;
        } catch (RuntimeException e) {
            envelopes.release();
            throw e;
        }
    }

    /**
     * Frames a sequence of buffers each holding one or more whole envelopes, as if they were
     * concatenated. Takes ownership of every buffer in the list; the caller owns the result.
     */
    public ByteBuf encode(List<ByteBuf> envelopes, ByteBufAllocator allocator) {
        if (envelopes.size() == 1) {
            return encode(envelopes.get(0), allocator);
        }
        CompositeByteBuf all = allocator.compositeBuffer(Math.max(envelopes.size(), 2));
        for (int i = 0; i < envelopes.size(); i++) {
            try {
                all.addComponent(true, envelopes.get(i));
            } catch (RuntimeException e) {
                // addComponent released the buffer it failed to add
                all.release();
                for (int j = i + 1; j < envelopes.size(); j++) {
                    envelopes.get(j).release();
                }
                throw e;
            }
        }
        return encode(all, allocator);
    }

    // ---------------------------------------------------------------- uncompressed

    /**
     * Uncompressed frames without copying the payload: a composite alternating header/trailer pieces
     * (sliced from one small buffer) with retained slices of the envelopes.
     */
    private ByteBuf assembleFrames(ByteBuf envelopes, FramePlan plan, ByteBufAllocator allocator) {
        int frames = plan.count();
        int header = format.headerLength();
        ByteBuf glue = allocator.ioBuffer(frames * (header + FrameFormat.TRAILER_LENGTH));
        CompositeByteBuf out = allocator.compositeBuffer(frames * 3);
        CRC32 crc = new CRC32();
        try {
            for (int i = 0; i < frames; i++) {
                int index = plan.index(i);
                int length = plan.length(i);
                int at = glue.writerIndex();
                FrameHeader.set(glue, at, format, length, 0, plan.selfContained(i));
                glue.writerIndex(at + header);
                glue.writeIntLE(Crc32.compute(crc, envelopes, index, length));
                out.addComponent(true, glue.retainedSlice(at, header));
                out.addComponent(true, envelopes.retainedSlice(index, length));
                out.addComponent(true, glue.retainedSlice(at + header, FrameFormat.TRAILER_LENGTH));
            }
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        } finally {
            glue.release();
        }
    }

    // ---------------------------------------------------------------- LZ4

    /**
     * LZ4 frames compressed straight into one pooled buffer sized for the worst case. A payload that
     * does not shrink is sent as is, with an uncompressed length of 0, as Cassandra does.
     */
    private ByteBuf compressFrames(ByteBuf envelopes, FramePlan plan, ByteBufAllocator allocator) {
        int frames = plan.count();
        int header = format.headerLength();
        long capacity = 0;
        for (int i = 0; i < frames; i++) {
            capacity += header + Lz4Block.maxCompressedLength(plan.length(i)) + FrameFormat.TRAILER_LENGTH;
        }
        if (capacity > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("batch of " + frames + " frames is too large for one buffer");
        }
        ByteBuf out = allocator.ioBuffer((int) capacity);
        CRC32 crc = new CRC32();
        try {
            for (int i = 0; i < frames; i++) {
                int index = plan.index(i);
                int length = plan.length(i);
                int at = out.writerIndex();
                out.writerIndex(at + header);
                int compressed = Lz4Block.compress(envelopes, index, length, out);
                int uncompressedLength = length;
                if (compressed >= length) {
                    out.writerIndex(at + header);
                    out.writeBytes(envelopes, index, length);
                    compressed = length;
                    uncompressedLength = 0;
                }
                FrameHeader.set(out, at, format, compressed, uncompressedLength, plan.selfContained(i));
                out.writeIntLE(Crc32.compute(crc, out, at + header, compressed));
            }
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    // ---------------------------------------------------------------- envelopes

    /** Checks that {@code [start, end)} is a sequence of whole envelopes. */
    private static void checkEnvelopes(ByteBuf buf, int start, int end) {
        for (int at = start; at < end; ) {
            at += envelopeLength(buf, at, end);
        }
    }

    /** The length of the envelope at {@code at}, which must end by {@code end}. */
    static int envelopeLength(ByteBuf buf, int at, int end) {
        if (end - at < EnvelopeCodec.HEADER_LENGTH) {
            throw new IllegalArgumentException("truncated envelope: " + (end - at) + " bytes at index " + at
                    + ", less than a header");
        }
        int body = buf.getInt(at + 5);
        if (body < 0 || body > end - at - EnvelopeCodec.HEADER_LENGTH) {
            throw new IllegalArgumentException("envelope at index " + at + " declares a body of " + body
                    + " bytes but " + (end - at - EnvelopeCodec.HEADER_LENGTH) + " follow");
        }
        return EnvelopeCodec.HEADER_LENGTH + body;
    }
}
