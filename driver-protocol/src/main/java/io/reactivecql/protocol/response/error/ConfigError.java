package io.reactivecql.protocol.response.error;

import java.util.Objects;

/**
 * Config_error (0x2300): the query is invalid because of a configuration issue.
 * The body holds only the message.
 *
 * @param message the server's message
 */
public record ConfigError(String message) implements ErrorResponse {

    public ConfigError {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.CONFIG_ERROR;
    }
}
