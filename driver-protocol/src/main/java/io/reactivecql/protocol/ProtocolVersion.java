package io.reactivecql.protocol;

/**
 * The native protocol versions this driver speaks. v5 wraps envelopes in CRC-checked outer frames
 * once the connection is READY; v4 sends bare envelopes and compresses each body.
 */
public enum ProtocolVersion {
    V4(4),
    V5(5);

    private final int code;

    ProtocolVersion(int code) {
        this.code = code;
    }

    /** The version number as it appears in the low 7 bits of an envelope's first byte. */
    public int code() {
        return code;
    }

    /** Whether envelopes travel inside v5 outer frames (section 2 of the v5 spec) after READY. */
    public boolean usesFraming() {
        return this == V5;
    }

    /** The version with this code, or a {@link ProtocolException} naming the unsupported code. */
    public static ProtocolVersion fromCode(int code) {
        switch (code) {
            case 4:
                return V4;
            case 5:
                return V5;
            default:
                throw new ProtocolException("unsupported protocol version " + code);
        }
    }

    /** The newest version first: the order in which a client tries them. */
    public static ProtocolVersion newest() {
        return V5;
    }
}
