package io.reactivecql.protocol.request;

/** The {@code <type>} [byte] of a BATCH (section 4.1.7). */
public enum BatchType {
    /** A normal CQL batch, atomic through the batch log. */
    LOGGED(0),
    /** No batch log: no atomicity across partitions. */
    UNLOGGED(1),
    /** Counter updates only. */
    COUNTER(2);

    private static final BatchType[] BY_CODE = values();

    private final int code;

    BatchType(int code) {
        this.code = code;
    }

    /** The [byte] on the wire. */
    public int code() {
        return code;
    }

    /** The type with this code, or null when there is none. */
    public static BatchType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
