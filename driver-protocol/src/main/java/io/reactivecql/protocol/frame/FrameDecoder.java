package io.reactivecql.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.reactivecql.protocol.EnvelopeCodec;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.compression.Lz4Block;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Turns a v5 frame stream back into envelopes: checks each header's CRC24 as soon as its bytes are
 * there and each payload's CRC32 before looking inside, decompresses LZ4 payloads, hands out the
 * envelopes of self-contained frames, and reassembles an envelope split across frames.
 *
 * <p>Two ways to feed it:
 * <ul>
 *   <li>{@link #decode(ByteBuf, Consumer)} reads the complete frames in a buffer the caller keeps
 *       accumulating, leaving an incomplete last frame unread: the contract of netty's
 *       {@code ByteToMessageDecoder}, which wraps it in one line
 *       ({@code frameDecoder.decode(in, out::add)}).</li>
 *   <li>{@link #feed(ByteBuf, Consumer)} takes chunks cut at any byte and keeps the incomplete rest
 *       itself.</li>
 * </ul>
 *
 * <p>Output: each envelope (9-byte header and body, ready for
 * {@link EnvelopeCodec#decode}) is passed to the consumer as its own buffer, which the consumer then
 * owns and must release, even if it throws. Envelopes from self-contained frames are retained slices
 * of the input (or of the decompressed payload): no copy, but they pin that memory until released.
 * An envelope split across frames arrives as a composite of slices of its frames.
 *
 * <p>Errors: bad bytes throw {@link ProtocolException} naming the frame and its offset in the
 * stream. Any exception (the consumer's too) closes the decoder: everything it held is released and
 * every later call fails. One decoder per connection, used by one thread; not thread-safe.
 */
public final class FrameDecoder implements AutoCloseable {

    private static final int ENVELOPE_HEADER = EnvelopeCodec.HEADER_LENGTH;

    private final FrameFormat format;
    private final ByteBufAllocator allocator;
    private final int maxBodyLength;
    private final CRC32 crc = new CRC32();

    /** {@link #feed}: the bytes of a frame not yet complete, or null. */
    private ByteBuf cumulation;
    /** The frames so far of an envelope split across frames, or null. */
    private CompositeByteBuf split;
    /** The split envelope's total length once its header has arrived, else -1. */
    private long splitLength = -1;

    /** The checked header content of the incomplete frame at the read position, or -1. */
    private long pendingHeader = -1;

    /** The number of frames decoded and their total length: where the next frame starts. */
    private long frameCount;
    private long streamOffset;

    private boolean closed;
    private String failure;

    /** A decoder accepting envelope bodies up to the spec's 256 MB. */
    public FrameDecoder(FrameFormat format, ByteBufAllocator allocator) {
        this(format, allocator, EnvelopeCodec.MAX_BODY_LENGTH);
    }

    /**
     * @param allocator     allocates decompressed payloads, split envelopes and {@link #feed}'s cumulation
     * @param maxBodyLength the largest envelope body accepted, in {@code 0..}{@link EnvelopeCodec#MAX_BODY_LENGTH};
     *                      a larger declared length fails as soon as the envelope header is read
     */
    public FrameDecoder(FrameFormat format, ByteBufAllocator allocator, int maxBodyLength) {
        if (format == null || allocator == null) {
            throw new NullPointerException(format == null ? "format" : "allocator");
        }
        if (maxBodyLength < 0 || maxBodyLength > EnvelopeCodec.MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("maxBodyLength must be in 0.." + EnvelopeCodec.MAX_BODY_LENGTH
                    + ", was " + maxBodyLength);
        }
        this.format = format;
        this.allocator = allocator;
        this.maxBodyLength = maxBodyLength;
    }

    public FrameFormat format() {
        return format;
    }

    /**
     * Decodes every complete frame readable in {@code in}, advancing its reader index past them, and
     * passes each envelope they complete to {@code out}. An incomplete frame at the end stays
     * unread, though its header is checked as soon as its bytes are there. Successive calls must
     * present one continuous stream. {@code in} stays the caller's: it is
     * neither retained nor released, but emitted envelopes may be retained slices of it.
     *
     * @throws ProtocolException on corrupt or invalid frames; the decoder is closed
     */
    public void decode(ByteBuf in, Consumer<? super ByteBuf> out) {
        ensureOpen();
        try {
            decodeFrames(in, out);
        } catch (ProtocolException e) {
            fail(e.getMessage());
            throw e;
        } catch (RuntimeException | Error e) {
            fail(e.toString());
            throw e;
        }
    }

    /**
     * Appends a chunk of the stream, cut anywhere, and passes each envelope it completes to
     * {@code out}. Takes ownership of {@code chunk}, also when it throws: the bytes of an incomplete
     * frame are kept until the next chunk, possibly in the chunk itself, whose memory may then be
     * reused for later bytes (as netty's {@code ByteToMessageDecoder} does with its input).
     *
     * @throws ProtocolException on corrupt or invalid frames; the decoder is closed
     */
    public void feed(ByteBuf chunk, Consumer<? super ByteBuf> out) {
        if (closed) {
            chunk.release();
            ensureOpen();
        }
        try {
            cumulation = cumulation == null ? chunk : append(cumulation, chunk);
        } catch (RuntimeException | Error e) {
            fail(e.toString());
            throw e;
        }
        decode(cumulation, out);
        if (cumulation == null) {
            return; // the consumer closed the decoder
        }
        if (!cumulation.isReadable()) {
            cumulation.release();
            cumulation = null;
        } else if (cumulation.refCnt() == 1) {
            // nobody shares the consumed bytes: reclaim them before the next chunk
            cumulation.discardSomeReadBytes();
        }
    }

    /**
     * Whether the decoder holds part of a frame or of a split envelope: at the end of a stream, that
     * means it was cut short.
     */
    public boolean hasPartialData() {
        return (cumulation != null && cumulation.isReadable()) || split != null;
    }

    /** Whether the decoder was closed, by {@link #close()} or by an error. */
    public boolean isClosed() {
        return closed;
    }

    /** Releases everything the decoder holds; later calls fail. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (cumulation != null) {
            ByteBuf c = cumulation;
            cumulation = null;
            c.release();
        }
        if (split != null) {
            ByteBuf s = split;
            split = null;
            splitLength = -1;
            s.release();
        }
    }

    // ---------------------------------------------------------------- frames

    private void decodeFrames(ByteBuf in, Consumer<? super ByteBuf> out) {
        int headerLength = format.headerLength();
        // stops if the consumer closes the decoder: the input may be released by then
        while (!closed && in.readableBytes() >= headerLength) {
            int start = in.readerIndex();
            long content = pendingHeader;
            if (content < 0) {
                content = FrameHeader.content(in, start, format);
                int storedCrc = FrameHeader.storedCrc(in, start, format);
                int computedCrc = FrameHeader.computedCrc(content, format);
                if (storedCrc != computedCrc) {
                    throw error(String.format("header CRC24 mismatch: header carries 0x%06X, computed 0x%06X over %s",
                            storedCrc, computedCrc, hex(in, start, format.headerContentLength())));
                }
            }
            int payloadLength = FrameHeader.payloadLength(content);
            int frameLength = headerLength + payloadLength + FrameFormat.TRAILER_LENGTH;
            if (in.readableBytes() < frameLength) {
                // checked once: the next call resumes from here without reading the header again
                pendingHeader = content;
                return;
            }
            pendingHeader = -1;
            int payloadStart = start + headerLength;
            int storedPayloadCrc = in.getIntLE(payloadStart + payloadLength);
            int computedPayloadCrc = Crc32.compute(crc, in, payloadStart, payloadLength);
            if (storedPayloadCrc != computedPayloadCrc) {
                throw error(String.format("payload CRC32 mismatch over %d bytes: trailer carries 0x%08X, computed 0x%08X",
                        payloadLength, storedPayloadCrc, computedPayloadCrc));
            }
            boolean selfContained = FrameHeader.isSelfContained(content, format);
            int uncompressedLength = FrameHeader.uncompressedLength(content, format);
            if (uncompressedLength == 0) {
                processPayload(in, payloadStart, payloadLength, selfContained, out);
            } else {
                ByteBuf payload = decompress(in, payloadStart, payloadLength, uncompressedLength);
                try {
                    processPayload(payload, 0, uncompressedLength, selfContained, out);
                } finally {
                    payload.release();
                }
            }
            if (closed) {
                return;
            }
            in.readerIndex(start + frameLength);
            frameCount++;
            streamOffset += frameLength;
        }
    }

    private ByteBuf decompress(ByteBuf in, int index, int length, int uncompressedLength) {
        // 17 bits: at most 128 KiB, whatever the header says
        ByteBuf payload = allocator.buffer(uncompressedLength);
        try {
            Lz4Block.decompress(in, index, length, payload, uncompressedLength, "frame payload");
            return payload;
        } catch (ProtocolException e) {
            payload.release();
            ProtocolException located = error(e.getMessage());
            located.initCause(e.getCause() != null ? e.getCause() : e);
            throw located;
        } catch (RuntimeException e) {
            payload.release();
            throw e;
        }
    }

    private void processPayload(ByteBuf buf, int index, int length, boolean selfContained,
                                Consumer<? super ByteBuf> out) {
        if (selfContained) {
            emitContained(buf, index, length, out);
        } else {
            appendSplit(buf, index, length, out);
        }
    }

    // ---------------------------------------------------------------- envelopes

    /** Checks the whole frame first, so that a bad frame yields no envelope at all. */
    private void emitContained(ByteBuf buf, int index, int length, Consumer<? super ByteBuf> out) {
        if (split != null) {
            throw error("self-contained frame while an envelope split across frames is incomplete ("
                    + split.readableBytes() + " of " + (splitLength < 0 ? "?" : splitLength) + " bytes received)");
        }
        int end = index + length;
        for (int at = index; at < end; ) {
            if (end - at < ENVELOPE_HEADER) {
                throw error("self-contained frame ends with " + (end - at) + " bytes at payload offset " + (at - index)
                        + ", less than an envelope header");
            }
            long envelopeLength = envelopeLength(buf, at, at - index);
            if (envelopeLength > end - at) {
                throw error("envelope at payload offset " + (at - index) + " claims " + envelopeLength
                        + " bytes but the self-contained frame holds only " + (end - at) + " more");
            }
            at += (int) envelopeLength;
        }
        for (int at = index; at < end && !closed; ) {
            int envelopeLength = ENVELOPE_HEADER + buf.getInt(at + 5);
            ByteBuf envelope = buf.retainedSlice(at, envelopeLength);
            at += envelopeLength;
            out.accept(envelope);
        }
    }

    private void appendSplit(ByteBuf buf, int index, int length, Consumer<? super ByteBuf> out) {
        if (length == 0) {
            return;
        }
        if (split == null) {
            split = allocator.compositeBuffer(Integer.MAX_VALUE);
            splitLength = -1;
        }
        split.addComponent(true, buf.retainedSlice(index, length));
        int received = split.readableBytes();
        if (splitLength < 0 && received >= ENVELOPE_HEADER) {
            splitLength = envelopeLength(split, split.readerIndex(), 0);
        }
        if (splitLength >= 0) {
            if (received > splitLength) {
                throw error("frames of a split envelope carry " + received + " bytes, more than its "
                        + splitLength);
            }
            if (received == splitLength) {
                ByteBuf envelope = split;
                split = null;
                splitLength = -1;
                out.accept(envelope);
            }
        }
    }

    /** The total length of the envelope whose header is at {@code at}, its body length checked. */
    private long envelopeLength(ByteBuf buf, int at, int payloadOffset) {
        int body = buf.getInt(at + 5);
        if (body < 0 || body > maxBodyLength) {
            throw error("envelope at payload offset " + payloadOffset + " declares a body of " + body
                    + " bytes, outside 0.." + maxBodyLength);
        }
        return ENVELOPE_HEADER + (long) body;
    }

    // ---------------------------------------------------------------- plumbing

    /** Appends {@code chunk} (released) to {@code cumulation}, growing or replacing it. */
    private ByteBuf append(ByteBuf cumulation, ByteBuf chunk) {
        int needed = chunk.readableBytes();
        try {
            if (cumulation.refCnt() == 1 && !cumulation.isReadOnly() && !(cumulation instanceof CompositeByteBuf)
                    && cumulation.maxWritableBytes() >= needed) {
                // sole owner: writing, even growing, cannot disturb anyone's view
                cumulation.writeBytes(chunk);
                return cumulation;
            }
            // shared with emitted envelopes, read-only or full: move the unread rest to a new buffer
            int readable = cumulation.readableBytes();
            ByteBuf grown = allocator.buffer(allocator.calculateNewCapacity(readable + needed, Integer.MAX_VALUE));
            try {
                grown.writeBytes(cumulation).writeBytes(chunk);
            } catch (RuntimeException e) {
                grown.release();
                throw e;
            }
            cumulation.release();
            return grown;
        } finally {
            chunk.release();
        }
    }

    private void ensureOpen() {
        if (closed) {
            if (failure != null) {
                throw new ProtocolException("frame decoder already failed: " + failure);
            }
            throw new IllegalStateException("frame decoder is closed");
        }
    }

    private void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        close();
    }

    private ProtocolException error(String what) {
        return new ProtocolException("v5 " + format.name().toLowerCase(Locale.ROOT) + " frame #" + frameCount
                + " at stream offset " + streamOffset + ": " + what);
    }

    private static String hex(ByteBuf buf, int index, int length) {
        return ByteBufUtil.hexDump(buf, index, length);
    }
}
