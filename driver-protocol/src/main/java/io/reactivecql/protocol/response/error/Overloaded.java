package io.reactivecql.protocol.response.error;

import java.util.Objects;

/**
 * Overloaded (0x1001): the coordinator is overloaded and did not process the request.
 * The body holds only the message.
 *
 * @param message the server's message
 */
public record Overloaded(String message) implements ErrorResponse {

    public Overloaded {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.OVERLOADED;
    }
}
