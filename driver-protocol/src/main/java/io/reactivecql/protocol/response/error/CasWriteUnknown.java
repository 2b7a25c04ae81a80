package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ConsistencyLevel;

import java.util.Objects;

/**
 * CAS_WRITE_UNKNOWN (0x1700): a contended lightweight transaction was only partly done; a competing
 * CAS write or a SERIAL read may or may not complete it.
 *
 * @param message     the server's message
 * @param consistency the consistency level of the request
 * @param received    the number of replicas that accepted the proposal
 * @param blockFor    the number of acceptances the level needs
 */
public record CasWriteUnknown(String message, ConsistencyLevel consistency, int received, int blockFor)
        implements ErrorResponse {

    public CasWriteUnknown {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(consistency, "consistency");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.CAS_WRITE_UNKNOWN;
    }
}
