package io.reactivecql.protocol.response.error;

import java.util.Objects;

/**
 * Truncate_error (0x1003): a TRUNCATE failed.
 * The body holds only the message.
 *
 * @param message the server's message
 */
public record TruncateError(String message) implements ErrorResponse {

    public TruncateError {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.TRUNCATE_ERROR;
    }
}
