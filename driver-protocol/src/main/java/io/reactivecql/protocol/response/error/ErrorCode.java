package io.reactivecql.protocol.response.error;

/**
 * The error codes of section 8 (v5) / 9 (v4) of the spec, with their wire values. Each has exactly
 * one {@link ErrorResponse} implementation.
 */
public enum ErrorCode {
    SERVER_ERROR(0x0000),
    PROTOCOL_ERROR(0x000A),
    AUTHENTICATION_ERROR(0x0100),
    UNAVAILABLE(0x1000),
    OVERLOADED(0x1001),
    IS_BOOTSTRAPPING(0x1002),
    TRUNCATE_ERROR(0x1003),
    WRITE_TIMEOUT(0x1100),
    READ_TIMEOUT(0x1200),
    READ_FAILURE(0x1300),
    FUNCTION_FAILURE(0x1400),
    WRITE_FAILURE(0x1500),
    /** Listed by the v5 spec only; accepted on v4 too (its body is empty in both). */
    CDC_WRITE_FAILURE(0x1600),
    /** Listed by the v5 spec only; accepted on v4 too (its body does not depend on the version). */
    CAS_WRITE_UNKNOWN(0x1700),
    SYNTAX_ERROR(0x2000),
    UNAUTHORIZED(0x2100),
    INVALID(0x2200),
    CONFIG_ERROR(0x2300),
    ALREADY_EXISTS(0x2400),
    UNPREPARED(0x2500);

    private static final ErrorCode[] VALUES = values();

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /** The [int] that identifies this error on the wire. */
    public int code() {
        return code;
    }

    /** The error with this wire code, or null when the spec defines none. */
    public static ErrorCode fromCode(int code) {
        for (ErrorCode c : VALUES) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
