package io.reactivecql.protocol.frame;

/**
 * The CRC24 protecting a v5 frame header (section 2.1): initial value 0x875060, polynomial
 * 0x1974F0B, computed over the header's content bytes (3 for uncompressed frames, 5 for LZ4
 * frames) taken least significant byte first, i.e. in wire order, since the header is
 * little-endian. This is Cassandra's {@code Crc.crc24}, bit for bit.
 */
public final class Crc24 {

    /** The register's initial value. */
    public static final int INITIAL = 0x875060;
    /** The generator polynomial, bit 24 included. */
    public static final int POLYNOMIAL = 0x1974F0B;

    private Crc24() {
    }

    /**
     * The CRC24 of the low {@code length} bytes of {@code bytes}, least significant byte first.
     *
     * @param bytes  the header content as a little-endian integer
     * @param length the number of bytes to cover, 0 to 8
     */
    public static int compute(long bytes, int length) {
        int crc = INITIAL;
        for (int i = 0; i < length; i++) {
            crc ^= (int) (bytes & 0xFF) << 16;
            bytes >>>= 8;
            for (int bit = 0; bit < 8; bit++) {
                crc <<= 1;
                // bit 24 set: reduce by the polynomial, whose bit 24 clears it again
                if ((crc & 0x1000000) != 0) {
                    crc ^= POLYNOMIAL;
                }
            }
        }
        return crc;
    }
}
