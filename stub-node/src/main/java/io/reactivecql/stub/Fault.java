package io.reactivecql.stub;

/**
 * Damage done to an answer after it was encoded, on its way to the socket: the wire-level faults a
 * healthy Cassandra never produces. Attach one with {@link Reply#with(Fault)}.
 */
public enum Fault {

    /**
     * Only the first half of the answer's bytes (header included, v5 frame or bare envelope) is
     * written; the connection stays open, so the client waits for bytes that never come.
     */
    HALF_WRITTEN,

    /** Like {@link #HALF_WRITTEN}, then the connection is closed: the client sees EOF mid-message. */
    HALF_WRITTEN_THEN_CLOSE,

    /**
     * v5: one payload byte of the frame is flipped after its CRC32 was computed, so the client's
     * frame decoder must report a CRC mismatch. v4 has no checksum: the last byte of the envelope is
     * flipped instead, which only a body decoder can notice (if at all).
     */
    CORRUPT_PAYLOAD_CRC,

    /**
     * v5: one byte of the frame header's CRC24 is flipped. v4 has no header checksum: the
     * envelope's version byte is flipped instead.
     */
    CORRUPT_HEADER_CRC,

    /**
     * The envelope's opcode is replaced by {@link #UNKNOWN_OPCODE_VALUE}, which no protocol version
     * defines (inside a valid v5 frame: the CRCs are computed afterwards).
     */
    UNKNOWN_OPCODE,

    /**
     * The envelope's body length is replaced by {@link #OVERSIZED_BODY_LENGTH}, more than the
     * protocol's 256 MB limit (inside a valid v5 frame).
     */
    OVERSIZED_LENGTH,

    /**
     * One to four bytes of the envelope's body are replaced by pseudo-random ones, chosen by the
     * seed of {@link Reply#garbled(long)}; the header stays valid and v5 frames are built (CRCs and
     * all) afterwards, so the damage reaches the client's body decoder: a node sending garbage in
     * well-formed frames.
     */
    GARBLED_BODY;

    /** The opcode {@link #UNKNOWN_OPCODE} writes. */
    public static final int UNKNOWN_OPCODE_VALUE = 0x11;

    /** The body length {@link #OVERSIZED_LENGTH} writes: 256 MB + 1. */
    public static final int OVERSIZED_BODY_LENGTH = 256 * 1024 * 1024 + 1;
}
