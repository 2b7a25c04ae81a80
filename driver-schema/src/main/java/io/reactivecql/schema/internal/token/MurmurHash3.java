package io.reactivecql.schema.internal.token;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Cassandra's variant of MurmurHash3 x64 128-bit (seed 0), of which Murmur3Partitioner keeps the
 * first half, {@code h1}.
 *
 * <p>It differs from the reference MurmurHash3 in one place, which Cassandra can never fix without
 * moving every row: the 1 to 15 tail bytes are read as <em>signed</em> Java bytes, so a tail byte
 * {@code >= 0x80} is sign-extended before being shifted into {@code k1}/{@code k2}. The 16-byte
 * blocks are read as unsigned little-endian longs, as in the reference.
 */
final class MurmurHash3 {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    /** Reads little-endian longs at any byte offset of heap, direct or read-only buffers, without allocating. */
    private static final VarHandle LONG_LE =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private MurmurHash3() {}

    /** {@code h1} of the 128-bit hash of {@code key[offset, offset + length)}, read with absolute gets. */
    static long h1(ByteBuffer key, int offset, int length) {
        long h1 = 0;
        long h2 = 0;
        int blocks = length >>> 4;
        for (int i = 0; i < blocks; i++) {
            int at = offset + (i << 4);
            long k1 = (long) LONG_LE.get(key, at);
            long k2 = (long) LONG_LE.get(key, at + 8);

            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;

            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }

        int tail = offset + (blocks << 4);
        int tailLength = length & 15;
        if (tailLength > 8) {
            long k2 = 0;
            for (int i = tailLength - 1; i >= 8; i--) {
                k2 ^= ((long) key.get(tail + i)) << ((i - 8) << 3); // signed byte: Cassandra's quirk
            }
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
        }
        if (tailLength > 0) {
            long k1 = 0;
            for (int i = Math.min(tailLength, 8) - 1; i >= 0; i--) {
                k1 ^= ((long) key.get(tail + i)) << (i << 3); // signed byte: Cassandra's quirk
            }
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
        }

        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        return h1 + h2;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
