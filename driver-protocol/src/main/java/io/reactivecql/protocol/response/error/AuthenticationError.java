package io.reactivecql.protocol.response.error;

import java.util.Objects;

/**
 * Authentication error (0x0100): authentication was required and failed.
 * The body holds only the message.
 *
 * @param message the server's message
 */
public record AuthenticationError(String message) implements ErrorResponse {

    public AuthenticationError {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.AUTHENTICATION_ERROR;
    }
}
