package io.reactivecql.protocol.compression;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.reactivecql.protocol.ProtocolException;

/**
 * The protocol v4 LZ4 body format: an [int] (big-endian) holding the uncompressed length, then one
 * raw LZ4 block. Stateless and thread-safe; {@link #INSTANCE} is all anyone needs.
 */
public final class Lz4Compressor implements Compressor {

    public static final Lz4Compressor INSTANCE = new Lz4Compressor();

    private static final int PREFIX_LENGTH = 4;

    private Lz4Compressor() {
    }

    @Override
    public String algorithm() {
        return "lz4";
    }

    /** {@inheritDoc} The caller owns (and releases) the returned buffer. */
    @Override
    public ByteBuf compress(ByteBuf uncompressed, ByteBufAllocator allocator) {
        int length = uncompressed.readableBytes();
        ByteBuf out = allocator.buffer(PREFIX_LENGTH + Lz4Block.maxCompressedLength(length));
        try {
            out.writeInt(length);
            Lz4Block.compress(uncompressed, uncompressed.readerIndex(), length, out);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /**
     * {@inheritDoc} The readable bytes of {@code compressed} are read but not consumed; the caller
     * owns (and releases) the returned buffer. A declared length that is negative, above
     * {@code maxLength}, or more than the block could expand to is rejected before allocating.
     */
    @Override
    public ByteBuf decompress(ByteBuf compressed, ByteBufAllocator allocator, int maxLength) {
        int readable = compressed.readableBytes();
        if (readable < PREFIX_LENGTH) {
            throw ProtocolException.at(compressed, "LZ4 body of " + readable
                    + " bytes is too short for its 4-byte uncompressed length");
        }
        int start = compressed.readerIndex();
        int declared = compressed.getInt(start);
        int blockLength = readable - PREFIX_LENGTH;
        if (declared < 0 || declared > maxLength) {
            throw ProtocolException.at(compressed, "LZ4 body declares " + declared
                    + " uncompressed bytes, outside 0.." + maxLength);
        }
        if (!Lz4Block.isPlausible(blockLength, declared)) {
            throw ProtocolException.at(compressed, "LZ4 body declares " + declared + " uncompressed bytes, more than "
                    + blockLength + " compressed bytes can hold");
        }
        if (declared == 0 && blockLength <= 1) {
            // an empty input compresses to a single 0 token; accept it (or nothing) without the library
            if (blockLength == 1 && compressed.getByte(start + PREFIX_LENGTH) != 0) {
                throw ProtocolException.at(compressed, "corrupt LZ4 body: empty block is not a 0 token");
            }
            return allocator.buffer(0);
        }
        ByteBuf out = allocator.buffer(declared);
        try {
            Lz4Block.decompress(compressed, start + PREFIX_LENGTH, blockLength, out, declared, "v4 body");
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "Lz4Compressor";
    }
}
