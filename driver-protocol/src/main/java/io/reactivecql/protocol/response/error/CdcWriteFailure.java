package io.reactivecql.protocol.response.error;

import java.util.Objects;

/**
 * CDC_WRITE_FAILURE (0x1600): a write to CDC-tracked data was refused (the spec defines no further body).
 * The body holds only the message.
 *
 * @param message the server's message
 */
public record CdcWriteFailure(String message) implements ErrorResponse {

    public CdcWriteFailure {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.CDC_WRITE_FAILURE;
    }
}
