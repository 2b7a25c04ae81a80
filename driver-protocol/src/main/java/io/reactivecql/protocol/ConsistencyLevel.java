package io.reactivecql.protocol;

/** The consistency levels of the protocol's [consistency] notation, with their wire codes. */
public enum ConsistencyLevel {
    ANY(0x0000),
    ONE(0x0001),
    TWO(0x0002),
    THREE(0x0003),
    QUORUM(0x0004),
    ALL(0x0005),
    LOCAL_QUORUM(0x0006),
    EACH_QUORUM(0x0007),
    SERIAL(0x0008),
    LOCAL_SERIAL(0x0009),
    LOCAL_ONE(0x000A);

    private static final ConsistencyLevel[] BY_CODE = values();

    private final int code;

    ConsistencyLevel(int code) {
        this.code = code;
    }

    /** The [consistency] value on the wire. */
    public int code() {
        return code;
    }

    /** Whether this is SERIAL or LOCAL_SERIAL (the levels of a lightweight transaction's Paxos phase). */
    public boolean isSerial() {
        return this == SERIAL || this == LOCAL_SERIAL;
    }

    /** Whether the level only involves the coordinator's datacenter. */
    public boolean isDcLocal() {
        return this == LOCAL_ONE || this == LOCAL_QUORUM || this == LOCAL_SERIAL;
    }

    /** The level with this wire code, or a {@link ProtocolException}. */
    public static ConsistencyLevel fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new ProtocolException("unknown consistency level code " + code);
        }
        return BY_CODE[code];
    }
}
