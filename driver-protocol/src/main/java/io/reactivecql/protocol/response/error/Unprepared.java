package io.reactivecql.protocol.response.error;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Unprepared (0x2500): the node does not know the prepared statement id an EXECUTE (or BATCH)
 * used, typically after a restart; the client re-prepares and retries. Not a record: the id is an
 * array, and equality must compare its content.
 */
public final class Unprepared implements ErrorResponse {

    private final String message;
    private final byte[] id;

    /**
     * @param message the server's message
     * @param id      the unknown statement id ([short bytes], at most 65535 bytes); copied
     */
    public Unprepared(String message, byte[] id) {
        this.message = Objects.requireNonNull(message, "message");
        if (id.length > 0xFFFF) {
            throw new IllegalArgumentException("id of " + id.length + " bytes does not fit [short bytes]");
        }
        this.id = id.clone();
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.UNPREPARED;
    }

    @Override
    public String message() {
        return message;
    }

    /** The unknown statement id (a copy). */
    public byte[] id() {
        return id.clone();
    }

    /** Whether the unknown id is {@code candidate}, without copying. */
    public boolean isId(byte[] candidate) {
        return Arrays.equals(id, candidate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unprepared other && message.equals(other.message) && Arrays.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return 31 * message.hashCode() + Arrays.hashCode(id);
    }

    @Override
    public String toString() {
        return "Unprepared[message=" + message + ", id=0x" + HexFormat.of().formatHex(id) + "]";
    }
}
