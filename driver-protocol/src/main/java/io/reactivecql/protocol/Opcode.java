package io.reactivecql.protocol;

/** The opcodes of section 2.4.1.4 (v5) / 2.4 (v4). Plain ints: they index codec tables. */
public final class Opcode {
    public static final int ERROR = 0x00;
    public static final int STARTUP = 0x01;
    public static final int READY = 0x02;
    public static final int AUTHENTICATE = 0x03;
    public static final int OPTIONS = 0x05;
    public static final int SUPPORTED = 0x06;
    public static final int QUERY = 0x07;
    public static final int RESULT = 0x08;
    public static final int PREPARE = 0x09;
    public static final int EXECUTE = 0x0A;
    public static final int REGISTER = 0x0B;
    public static final int EVENT = 0x0C;
    public static final int BATCH = 0x0D;
    public static final int AUTH_CHALLENGE = 0x0E;
    public static final int AUTH_RESPONSE = 0x0F;
    public static final int AUTH_SUCCESS = 0x10;

    /** One past the highest opcode: the size of a table indexed by opcode. */
    public static final int LIMIT = 0x11;

    private static final String[] NAMES = {
        "ERROR", "STARTUP", "READY", "AUTHENTICATE", "0x04", "OPTIONS", "SUPPORTED", "QUERY", "RESULT",
        "PREPARE", "EXECUTE", "REGISTER", "EVENT", "BATCH", "AUTH_CHALLENGE", "AUTH_RESPONSE", "AUTH_SUCCESS"
    };

    private Opcode() {
    }

    /** The spec's name of an opcode, or its hex value if it has none. */
    public static String name(int opcode) {
        return opcode >= 0 && opcode < NAMES.length ? NAMES[opcode] : String.format("0x%02X", opcode);
    }
}
