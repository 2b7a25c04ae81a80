package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ConsistencyLevel;

import java.util.Objects;

/**
 * Unavailable (0x1000): the coordinator knew too few live replicas to satisfy the consistency level,
 * so it did not even try.
 *
 * @param message     the server's message
 * @param consistency the consistency level of the request
 * @param required    the number of live replicas the level needs
 * @param alive       the number of replicas known alive (less than {@code required})
 */
public record Unavailable(String message, ConsistencyLevel consistency, int required, int alive)
        implements ErrorResponse {

    public Unavailable {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(consistency, "consistency");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.UNAVAILABLE;
    }
}
