package io.reactivecql.protocol.response.error;

import java.util.Objects;

/**
 * Syntax_error (0x2000): the query does not parse.
 * The body holds only the message.
 *
 * @param message the server's message
 */
public record SyntaxError(String message) implements ErrorResponse {

    public SyntaxError {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.SYNTAX_ERROR;
    }
}
