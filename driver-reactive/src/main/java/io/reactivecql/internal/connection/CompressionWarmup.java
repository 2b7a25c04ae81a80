package io.reactivecql.internal.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.compression.Compressor;
import io.reactivecql.protocol.compression.Lz4Compressor;
import io.reactivecql.protocol.compression.SnappyCompressor;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Loads the compression libraries once, off the event loops: snappy-java and lz4-java extract and
 * load a native library on first use, which reads files, a blocking call no event loop may make.
 */
final class CompressionWarmup {

    private static final Mono<Void> LZ4 = warmUp(Lz4Compressor.INSTANCE);
    private static final Mono<Void> SNAPPY = warmUp(SnappyCompressor.INSTANCE);

    private CompressionWarmup() {
    }

    /** Completes once {@code compression} (lz4, snappy or null) is ready to use; cached. */
    static Mono<Void> ready(String compression) {
        if ("lz4".equals(compression)) {
            return LZ4;
        }
        if ("snappy".equals(compression)) {
            return SNAPPY;
        }
        return Mono.empty();
    }

    private static Mono<Void> warmUp(Compressor compressor) {
        return Mono.<Void>fromRunnable(() -> {
            ByteBuf compressed = compressor.compress(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}), ByteBufAllocator.DEFAULT);
            try {
                compressor.decompress(compressed, ByteBufAllocator.DEFAULT, 16).release();
            } finally {
                compressed.release();
            }
        }).subscribeOn(Schedulers.boundedElastic()).cache();
    }
}
