package io.reactivecql.protocol.response.error;

import java.util.Objects;

/**
 * Unauthorized (0x2100): the logged-in user lacks the permission the query needs.
 * The body holds only the message.
 *
 * @param message the server's message
 */
public record Unauthorized(String message) implements ErrorResponse {

    public Unauthorized {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.UNAUTHORIZED;
    }
}
