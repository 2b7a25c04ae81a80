package io.reactivecql.protocol.response.error;

import java.util.Objects;

/**
 * Is_bootstrapping (0x1002): a read reached a coordinator that is still bootstrapping.
 * The body holds only the message.
 *
 * @param message the server's message
 */
public record IsBootstrapping(String message) implements ErrorResponse {

    public IsBootstrapping {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.IS_BOOTSTRAPPING;
    }
}
