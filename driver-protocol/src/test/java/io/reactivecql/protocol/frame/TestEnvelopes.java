package io.reactivecql.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Envelope bytes for frame tests: the frame layer only reads the 9-byte header's length field. */
final class TestEnvelopes {

    private TestEnvelopes() {
    }

    /**
     * A v5 response envelope with a body of {@code bodyLength} bytes; the body repeats a short
     * pattern drawn from {@code seed}, so that LZ4 has something to compress.
     */
    static byte[] envelope(int streamId, int bodyLength, long seed) {
        byte[] bytes = new byte[9 + bodyLength];
        bytes[0] = (byte) 0x85;
        bytes[2] = (byte) (streamId >> 8);
        bytes[3] = (byte) streamId;
        bytes[4] = 0x08;
        bytes[5] = (byte) (bodyLength >>> 24);
        bytes[6] = (byte) (bodyLength >>> 16);
        bytes[7] = (byte) (bodyLength >>> 8);
        bytes[8] = (byte) bodyLength;
        Random random = new Random(seed);
        byte[] pattern = new byte[1 + random.nextInt(64)];
        random.nextBytes(pattern);
        for (int i = 0; i < bodyLength; i++) {
            bytes[9 + i] = (i % 97 == 0) ? (byte) random.nextInt() : pattern[i % pattern.length];
        }
        return bytes;
    }

    /** Envelopes of the given body lengths, stream ids 0, 1, 2... */
    static List<byte[]> envelopes(long seed, int... bodyLengths) {
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < bodyLengths.length; i++) {
            list.add(envelope(i, bodyLengths[i], seed + i));
        }
        return list;
    }

    /** The envelopes concatenated into one buffer from {@code alloc}. */
    static ByteBuf concat(ByteBufAllocator alloc, List<byte[]> envelopes) {
        int total = envelopes.stream().mapToInt(e -> e.length).sum();
        ByteBuf buf = alloc.buffer(Math.max(total, 1));
        envelopes.forEach(buf::writeBytes);
        return buf;
    }

    /** The envelopes concatenated into a heap array. */
    static byte[] concat(List<byte[]> envelopes) {
        ByteBuf buf = concat(UnpooledByteBufAllocator.DEFAULT, envelopes);
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** Copies the readable bytes and releases the buffer. */
    static byte[] drain(ByteBuf buf) {
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    static ByteBuf wrap(byte[] bytes) {
        return Unpooled.wrappedBuffer(bytes);
    }
}
