package io.reactivecql.protocol.compression;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.ProtocolException;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.nio.ByteBuffer;

/**
 * Raw LZ4 blocks (no frame, no length prefix) between regions of netty buffers, heap or direct,
 * without intermediate copies: array-backed buffers go through their arrays, others through NIO
 * views. Decompression uses lz4-java's bounds-checked safe decompressor into a destination sized by
 * the caller, so hostile input can neither overrun memory nor make it allocate. Thread-safe.
 */
public final class Lz4Block {

    private static final LZ4Factory FACTORY = LZ4Factory.fastestInstance();
    private static final LZ4Compressor COMPRESSOR = FACTORY.fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = FACTORY.safeDecompressor();

    /**
     * The most an LZ4 block can expand: a run of 255-valued length bytes adds 255 output bytes per
     * input byte. A declared size beyond {@code compressed * 255 + slack} cannot be genuine.
     */
    private static final int MAX_EXPANSION = 255;
    private static final int EXPANSION_SLACK = 64;

    private Lz4Block() {
    }

    /** The largest block {@link #compress} can produce for {@code length} input bytes. */
    public static int maxCompressedLength(int length) {
        return COMPRESSOR.maxCompressedLength(length);
    }

    /** Whether {@code uncompressedLength} is a size {@code compressedLength} block bytes could produce. */
    public static boolean isPlausible(int compressedLength, long uncompressedLength) {
        return uncompressedLength <= (long) compressedLength * MAX_EXPANSION + EXPANSION_SLACK;
    }

    /**
     * Compresses {@code length} bytes of {@code src} from {@code index} into {@code dst} at its writer
     * index (growing it as needed) and advances the writer index past the block. {@code src} is not
     * modified and its indexes do not move.
     *
     * @return the length of the block written
     */
    public static int compress(ByteBuf src, int index, int length, ByteBuf dst) {
        int max = COMPRESSOR.maxCompressedLength(length);
        dst.ensureWritable(max);
        int out = dst.writerIndex();
        int written;
        if (src.hasArray() && dst.hasArray()) {
            written = COMPRESSOR.compress(src.array(), src.arrayOffset() + index, length,
                    dst.array(), dst.arrayOffset() + out, max);
        } else {
            ByteBuffer in = view(src, index, length);
            ByteBuffer to = writableView(dst, out, max);
            written = COMPRESSOR.compress(in, in.position(), length, to, to.position(), max);
        }
        dst.writerIndex(out + written);
        return written;
    }

    /**
     * Decompresses the block of {@code length} bytes of {@code src} from {@code index} into
     * {@code dst} at its writer index, which must have {@code expectedLength} writable bytes, and
     * advances the writer index by {@code expectedLength}.
     *
     * @param what names the block in the exception message
     * @throws ProtocolException when the block is corrupt or does not decompress to exactly
     *                           {@code expectedLength} bytes; {@code dst}'s writer index is then unchanged
     */
    public static void decompress(ByteBuf src, int index, int length, ByteBuf dst, int expectedLength, String what) {
        if (dst.writableBytes() < expectedLength) {
            throw new IllegalArgumentException("destination has " + dst.writableBytes() + " writable bytes, "
                    + expectedLength + " needed");
        }
        int out = dst.writerIndex();
        int produced;
        try {
            if (src.hasArray() && dst.hasArray()) {
                produced = DECOMPRESSOR.decompress(src.array(), src.arrayOffset() + index, length,
                        dst.array(), dst.arrayOffset() + out, expectedLength);
            } else {
                ByteBuffer in = view(src, index, length);
                ByteBuffer to = writableView(dst, out, expectedLength);
                produced = DECOMPRESSOR.decompress(in, in.position(), length, to, to.position(), expectedLength);
            }
        } catch (RuntimeException e) {
            // LZ4Exception, or an index exception from a hostile block: the bytes are corrupt
            throw new ProtocolException("corrupt LZ4 " + what + " (" + length + " compressed bytes, "
                    + expectedLength + " declared): " + e.getMessage(), e);
        }
        if (produced != expectedLength) {
            throw new ProtocolException("LZ4 " + what + " decompressed to " + produced + " bytes, "
                    + expectedLength + " declared");
        }
        dst.writerIndex(out + expectedLength);
    }

    /** An NIO view of a region whose position marks the region's start; no copy unless fragmented. */
    private static ByteBuffer view(ByteBuf buf, int index, int length) {
        // internalNioBuffer reuses one view object per pooled buffer; nioBuffer merges fragments
        return buf.nioBufferCount() == 1 ? buf.internalNioBuffer(index, length) : buf.nioBuffer(index, length);
    }

    /** A view written through to the buffer: a fragmented buffer's merged view would be a copy. */
    private static ByteBuffer writableView(ByteBuf buf, int index, int length) {
        if (buf.nioBufferCount() != 1) {
            throw new IllegalArgumentException("destination must be one contiguous buffer, not " + buf.getClass().getName());
        }
        return buf.internalNioBuffer(index, length);
    }
}
