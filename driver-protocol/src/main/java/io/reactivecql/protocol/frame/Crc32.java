package io.reactivecql.protocol.frame;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The CRC32 trailer of a v5 frame: the standard CRC-32 ({@link CRC32}) of the payload bytes as they
 * travel (compressed, for LZ4 frames), but primed with the four bytes {@code FA 2D 55 CA} before the
 * payload. The spec text does not mention that seed; Cassandra ({@code org.apache.cassandra.net.Crc})
 * and the DataStax drivers use it, so a trailer without it is rejected by every real server.
 */
public final class Crc32 {

    private static final byte[] SEED = {(byte) 0xFA, (byte) 0x2D, (byte) 0x55, (byte) 0xCA};

    private Crc32() {
    }

    /**
     * The trailer value for {@code length} bytes of {@code buf} from {@code index}, computed with
     * {@code scratch} (reset first: one instance can serve many frames on one thread). No copy: the
     * bytes are read through the buffer's backing array or NIO views.
     */
    public static int compute(CRC32 scratch, ByteBuf buf, int index, int length) {
        scratch.reset();
        scratch.update(SEED, 0, SEED.length);
        if (length == 0) {
            return (int) scratch.getValue();
        }
        if (buf.hasArray()) {
            scratch.update(buf.array(), buf.arrayOffset() + index, length);
        } else if (buf.nioBufferCount() == 1) {
            // a reused view object for pooled buffers: no garbage per frame
            scratch.update(buf.internalNioBuffer(index, length));
        } else {
            for (ByteBuffer part : buf.nioBuffers(index, length)) {
                scratch.update(part);
            }
        }
        return (int) scratch.getValue();
    }

    /** Like {@link #compute(CRC32, ByteBuf, int, int)} with a fresh {@link CRC32}. */
    public static int compute(ByteBuf buf, int index, int length) {
        return compute(new CRC32(), buf, index, length);
    }
}
