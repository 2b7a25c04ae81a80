package io.reactivecql.protocol.response.error;

import java.util.Objects;

/**
 * Invalid (0x2200): the query parses but is invalid.
 * The body holds only the message.
 *
 * @param message the server's message
 */
public record Invalid(String message) implements ErrorResponse {

    public Invalid {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID;
    }
}
