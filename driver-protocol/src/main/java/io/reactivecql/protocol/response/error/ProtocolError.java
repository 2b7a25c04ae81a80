package io.reactivecql.protocol.response.error;

import java.util.Objects;

/**
 * Protocol error (0x000A): a client message violated the protocol.
 * The body holds only the message.
 *
 * @param message the server's message
 */
public record ProtocolError(String message) implements ErrorResponse {

    public ProtocolError {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.PROTOCOL_ERROR;
    }
}
