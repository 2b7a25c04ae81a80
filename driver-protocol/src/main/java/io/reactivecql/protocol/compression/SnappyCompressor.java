package io.reactivecql.protocol.compression;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.reactivecql.protocol.ProtocolException;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyError;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The protocol v4 Snappy body format: one raw Snappy block (which starts with its own varint
 * uncompressed length). Protocol v5 has no Snappy. Stateless and thread-safe; {@link #INSTANCE} is
 * all anyone needs.
 *
 * <p>snappy-java works on byte arrays or direct NIO buffers only, so each operation picks the path
 * that fits its input: array-backed buffers through their arrays, single-piece direct buffers
 * through NIO views, anything else (a composite) is first copied into an array.
 */
public final class SnappyCompressor implements Compressor {

    public static final SnappyCompressor INSTANCE = new SnappyCompressor();

    /**
     * The most a Snappy block can expand: a 3-byte copy element yields at most 64 bytes. A declared
     * size beyond {@code compressed * 22 + slack} cannot be genuine.
     */
    private static final int MAX_EXPANSION = 22;
    private static final int EXPANSION_SLACK = 64;

    private SnappyCompressor() {
    }

    @Override
    public String algorithm() {
        return "snappy";
    }

    /** {@inheritDoc} The caller owns (and releases) the returned buffer. */
    @Override
    public ByteBuf compress(ByteBuf uncompressed, ByteBufAllocator allocator) {
        int length = uncompressed.readableBytes();
        int max = Snappy.maxCompressedLength(length);
        int start = uncompressed.readerIndex();
        boolean direct = isSingleDirect(uncompressed);
        ByteBuf out = direct ? allocator.directBuffer(max) : allocator.heapBuffer(max);
        try {
            int written;
            if (direct && isSingleDirect(out)) {
                written = Snappy.compress(uncompressed.nioBuffer(start, length), out.nioBuffer(0, max));
            } else {
                byte[] array;
                int offset;
                if (uncompressed.hasArray()) {
                    array = uncompressed.array();
                    offset = uncompressed.arrayOffset() + start;
                } else {
                    array = ByteBufUtil.getBytes(uncompressed, start, length, false);
                    offset = 0;
                }
                if (out.hasArray()) {
                    written = Snappy.compress(array, offset, length, out.array(), out.arrayOffset());
                } else {
                    byte[] scratch = new byte[max];
                    written = Snappy.compress(array, offset, length, scratch, 0);
                    out.setBytes(0, scratch, 0, written);
                }
            }
            out.writerIndex(written);
            return out;
        } catch (IOException e) {
            out.release();
            throw new IllegalStateException("snappy compression failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            out.release();
            throw e;
        }
    }

    /**
     * {@inheritDoc} The readable bytes of {@code compressed} are read but not consumed; the caller
     * owns (and releases) the returned buffer. The declared length is read from the block's own
     * header and checked against {@code maxLength} and against what the block could expand to
     * before the output is allocated.
     */
    @Override
    public ByteBuf decompress(ByteBuf compressed, ByteBufAllocator allocator, int maxLength) {
        int start = compressed.readerIndex();
        int length = compressed.readableBytes();
        boolean direct = isSingleDirect(compressed);
        ByteBuffer nioIn = null;
        byte[] array = null;
        int offset = 0;
        if (direct) {
            nioIn = compressed.nioBuffer(start, length);
        } else if (compressed.hasArray()) {
            array = compressed.array();
            offset = compressed.arrayOffset() + start;
        } else {
            array = ByteBufUtil.getBytes(compressed, start, length, false);
        }
        int declared;
        try {
            declared = direct ? Snappy.uncompressedLength(nioIn) : Snappy.uncompressedLength(array, offset, length);
        } catch (IOException | RuntimeException | SnappyError e) {
            throw ProtocolException.at(compressed, "corrupt Snappy body header: " + e.getMessage());
        }
        if (declared < 0 || declared > maxLength) {
            throw ProtocolException.at(compressed, "Snappy body declares " + declared
                    + " uncompressed bytes, outside 0.." + maxLength);
        }
        if (declared > (long) length * MAX_EXPANSION + EXPANSION_SLACK) {
            throw ProtocolException.at(compressed, "Snappy body declares " + declared + " uncompressed bytes, more than "
                    + length + " compressed bytes can hold");
        }
        ByteBuf out = direct ? allocator.directBuffer(declared) : allocator.heapBuffer(declared);
        try {
            // snappy's raw decoder checks every element against the declared output size
            int produced;
            if (direct && isSingleDirect(out)) {
                produced = Snappy.uncompress(compressed.nioBuffer(start, length), out.nioBuffer(0, declared));
            } else {
                if (array == null) {
                    array = ByteBufUtil.getBytes(compressed, start, length, false);
                    offset = 0;
                }
                if (out.hasArray()) {
                    produced = Snappy.uncompress(array, offset, length, out.array(), out.arrayOffset());
                } else {
                    byte[] scratch = new byte[declared];
                    produced = Snappy.uncompress(array, offset, length, scratch, 0);
                    out.setBytes(0, scratch, 0, Math.min(produced, declared));
                }
            }
            if (produced != declared) {
                throw ProtocolException.at(compressed, "Snappy body decompressed to " + produced + " bytes, "
                        + declared + " declared");
            }
            out.writerIndex(declared);
            return out;
        } catch (ProtocolException e) {
            out.release();
            throw e;
        } catch (IOException | RuntimeException | SnappyError e) {
            out.release();
            throw new ProtocolException("corrupt Snappy body of " + length + " bytes: " + e.getMessage(), e);
        }
    }

    private static boolean isSingleDirect(ByteBuf buf) {
        return buf.isDirect() && buf.nioBufferCount() == 1;
    }

    @Override
    public String toString() {
        return "SnappyCompressor";
    }
}
