package io.reactivecql.protocol.response.result;

/** The {@code kind} [int] that starts every RESULT body (section 4.2.5). */
public enum ResultKind {
    VOID(0x0001),
    ROWS(0x0002),
    SET_KEYSPACE(0x0003),
    PREPARED(0x0004),
    SCHEMA_CHANGE(0x0005);

    private final int code;

    ResultKind(int code) {
        this.code = code;
    }

    /** The kind's [int] on the wire. */
    public int code() {
        return code;
    }

    /** values() clones its array on every call: once per decoded RESULT was one clone too many. */
    private static final ResultKind[] BY_CODE_MINUS_ONE = values();

    /** The kind with this wire code, or null when the spec defines none. */
    public static ResultKind fromCode(int code) {
        return code >= 1 && code <= BY_CODE_MINUS_ONE.length ? BY_CODE_MINUS_ONE[code - 1] : null;
    }
}
