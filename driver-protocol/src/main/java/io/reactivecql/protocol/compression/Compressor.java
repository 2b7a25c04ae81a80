package io.reactivecql.protocol.compression;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Body compression of protocol v4 envelopes (the v5 outer frames compress with LZ4 on their own,
 * see {@code io.reactivecql.protocol.frame}). Implementations are stateless and thread-safe.
 */
public interface Compressor {

    /** The name sent as the STARTUP {@code COMPRESSION} option: {@code lz4} or {@code snappy}. */
    String algorithm();

    /**
     * Compresses the readable bytes of {@code uncompressed} (without consuming them) into a new
     * buffer from {@code allocator}, in the v4 wire format of this algorithm.
     */
    ByteBuf compress(ByteBuf uncompressed, ByteBufAllocator allocator);

    /**
     * Decompresses the readable bytes of {@code compressed} (without consuming them) into a new
     * buffer that the caller owns and releases. Corrupt input, or a
     * declared size above {@code maxLength}, throws {@link io.reactivecql.protocol.ProtocolException}
     * before the output is allocated.
     */
    ByteBuf decompress(ByteBuf compressed, ByteBufAllocator allocator, int maxLength);
}
