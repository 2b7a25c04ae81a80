package io.reactivecql.protocol.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Byte-level mutations of a valid encoding, in the style of AFL's havoc stage: bit flips, random
 * and "interesting" bytes and ints (the lengths -2, -1, 0, huge), insertions, deletions,
 * truncations and duplicated chunks. Deterministic for a given seed, so a failure can be replayed.
 */
final class Mutator {

    private static final int[] INTERESTING_INTS = {
        -2, -1, 0, 1, 2, 3, 4, 8, 9, 16, 127, 128, 255, 256, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
        0x1FFFF, 0x20000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 256 * 1024 * 1024, 256 * 1024 * 1024 + 1
    };
    private static final byte[] INTERESTING_BYTES = {0, 1, 2, 4, 5, 0x7F, (byte) 0x80, (byte) 0x84, (byte) 0x85,
        (byte) 0xFE, (byte) 0xFF};

    private final SplittableRandom random;

    Mutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A mutated copy of {@code input}: one to four stacked mutations. */
    byte[] mutate(byte[] input) {
        byte[] out = input;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            out = mutateOnce(out);
        }
        return out;
    }

    private byte[] mutateOnce(byte[] in) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        byte[] out;
        int pos = random.nextInt(in.length);
        switch (random.nextInt(9)) {
            case 0: // flip one bit
                out = in.clone();
                out[pos] ^= (byte) (1 << random.nextInt(8));
                return out;
            case 1: // random byte
                out = in.clone();
                out[pos] = (byte) random.nextInt(256);
                return out;
            case 2: // interesting byte
                out = in.clone();
                out[pos] = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
                return out;
            case 3: // interesting big-endian short
                out = in.clone();
                if (pos + 2 <= out.length) {
                    int v = INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
                    out[pos] = (byte) (v >>> 8);
                    out[pos + 1] = (byte) v;
                }
                return out;
            case 4: // interesting big-endian int (lengths, counts)
                out = in.clone();
                if (pos + 4 <= out.length) {
                    int v = INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
                    out[pos] = (byte) (v >>> 24);
                    out[pos + 1] = (byte) (v >>> 16);
                    out[pos + 2] = (byte) (v >>> 8);
                    out[pos + 3] = (byte) v;
                }
                return out;
            case 5: // truncate
                return Arrays.copyOf(in, pos);
            case 6: { // delete a chunk
                int len = 1 + random.nextInt(Math.min(8, in.length - pos));
                out = new byte[in.length - len];
                System.arraycopy(in, 0, out, 0, pos);
                System.arraycopy(in, pos + len, out, pos, in.length - pos - len);
                return out;
            }
            case 7: { // insert random bytes
                int len = 1 + random.nextInt(8);
                out = new byte[in.length + len];
                System.arraycopy(in, 0, out, 0, pos);
                for (int i = 0; i < len; i++) {
                    out[pos + i] = (byte) random.nextInt(256);
                }
                System.arraycopy(in, pos, out, pos + len, in.length - pos);
                return out;
            }
            default: { // duplicate a chunk in place (repeated elements)
                int len = 1 + random.nextInt(Math.min(16, in.length - pos));
                out = new byte[in.length + len];
                System.arraycopy(in, 0, out, 0, pos + len);
                System.arraycopy(in, pos, out, pos + len, in.length - pos);
                return out;
            }
        }
    }
}
