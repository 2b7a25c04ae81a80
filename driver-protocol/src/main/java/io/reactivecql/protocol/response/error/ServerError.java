package io.reactivecql.protocol.response.error;

import java.util.Objects;

/**
 * Server error (0x0000): something unexpected happened on the server, a server-side bug.
 * The body holds only the message.
 *
 * @param message the server's message
 */
public record ServerError(String message) implements ErrorResponse {

    public ServerError {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.SERVER_ERROR;
    }
}
