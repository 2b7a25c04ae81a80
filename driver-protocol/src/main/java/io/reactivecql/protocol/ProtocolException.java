package io.reactivecql.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Bytes that do not follow the native protocol: a bad length, an unknown opcode, error code, type
 * id or flag, a CRC mismatch, trailing garbage. The message says what was wrong and where. A
 * connection that reads one must be closed: its byte stream can no longer be trusted.
 */
public class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An exception whose message names the reader position in {@code in}. */
    public static ProtocolException at(ByteBuf in, String message) {
        return new ProtocolException(message + " (at byte " + in.readerIndex() + " of " + in.writerIndex() + ")");
    }
}
