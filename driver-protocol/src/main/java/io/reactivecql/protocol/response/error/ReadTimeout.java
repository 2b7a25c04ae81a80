package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ConsistencyLevel;

import java.util.Objects;

/**
 * Read_timeout (0x1200): replicas did not answer a read in time.
 *
 * @param message     the server's message
 * @param consistency the consistency level of the read
 * @param received    the number of replicas that answered
 * @param blockFor    the number of answers the level needs
 * @param dataPresent whether the replica asked for the data (not just a digest) answered
 */
public record ReadTimeout(String message, ConsistencyLevel consistency, int received, int blockFor,
                          boolean dataPresent) implements ErrorResponse {

    public ReadTimeout {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(consistency, "consistency");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.READ_TIMEOUT;
    }
}
