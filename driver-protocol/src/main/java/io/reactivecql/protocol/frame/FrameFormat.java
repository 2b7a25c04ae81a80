package io.reactivecql.protocol.frame;

/**
 * The two frame formats of protocol v5; which one a connection uses follows from the STARTUP
 * {@code COMPRESSION} option (none, or {@code lz4}).
 */
public enum FrameFormat {

    /** Section 2.1: 6-byte header (17-bit length, self-contained bit, CRC24), payload, CRC32. */
    UNCOMPRESSED(6),

    /**
     * Section 2.2: 8-byte header (17-bit compressed length, 17-bit uncompressed length,
     * self-contained bit, CRC24), LZ4 block, CRC32 of the compressed bytes. An uncompressed
     * length of 0 means the payload was sent as is.
     */
    LZ4(8);

    /** The largest payload a frame carries: 128 KiB - 1, the most 17 bits hold. */
    public static final int MAX_PAYLOAD_LENGTH = (1 << 17) - 1;

    /** The length of the CRC32 trailer after the payload. */
    public static final int TRAILER_LENGTH = 4;

    private final int headerLength;

    FrameFormat(int headerLength) {
        this.headerLength = headerLength;
    }

    /** The length of this format's header, CRC24 included. */
    public int headerLength() {
        return headerLength;
    }

    /** The number of header bytes the CRC24 covers (3 or 5): everything before the CRC itself. */
    int headerContentLength() {
        return headerLength - 3;
    }

    /** The format for a STARTUP {@code COMPRESSION} option value: null for none, "lz4" for LZ4. */
    public static FrameFormat forCompression(String algorithm) {
        if (algorithm == null) {
            return UNCOMPRESSED;
        }
        if ("lz4".equalsIgnoreCase(algorithm)) {
            return LZ4;
        }
        throw new IllegalArgumentException("protocol v5 frames support only lz4 compression, not " + algorithm);
    }
}
