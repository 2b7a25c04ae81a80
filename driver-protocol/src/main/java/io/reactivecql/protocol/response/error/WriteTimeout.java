package io.reactivecql.protocol.response.error;

import io.reactivecql.protocol.ConsistencyLevel;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Write_timeout (0x1100): replicas did not acknowledge a write in time.
 *
 * <p>{@code contentions} exists on the wire only in protocol v5 and only when the write type is
 * {@link WriteType#CAS}: it is empty for every v4 message and for non-CAS writes. The spec says a v5
 * CAS timeout always ends with it, but Cassandra leaves it out of the CAS timeouts it does not raise
 * as contention timeouts (Paxos v2 ones, for instance), so it may be empty there too: decoding reads
 * it when the body has it, and encoding writes it when present (v5 only).
 *
 * @param message     the server's message
 * @param consistency the consistency level of the write
 * @param received    the number of replicas that acknowledged
 * @param blockFor    the number of acknowledgements the level needs
 * @param writeType   the kind of write that timed out
 * @param contentions the number of Paxos contentions ([short]), present only for CAS writes
 */
public record WriteTimeout(String message, ConsistencyLevel consistency, int received, int blockFor,
                           WriteType writeType, OptionalInt contentions) implements ErrorResponse {

    public WriteTimeout {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(consistency, "consistency");
        Objects.requireNonNull(writeType, "writeType");
        Objects.requireNonNull(contentions, "contentions");
        if (contentions.isPresent()) {
            if (writeType != WriteType.CAS) {
                throw new IllegalArgumentException("contentions only exist for CAS writes, not " + writeType);
            }
            if (contentions.getAsInt() < 0 || contentions.getAsInt() > 0xFFFF) {
                throw new IllegalArgumentException("contentions must fit a [short], was " + contentions.getAsInt());
            }
        }
    }

    /** A timeout without contentions (any v4 timeout, or a non-CAS v5 one). */
    public WriteTimeout(String message, ConsistencyLevel consistency, int received, int blockFor,
                        WriteType writeType) {
        this(message, consistency, received, blockFor, writeType, OptionalInt.empty());
    }

    /** A v5 CAS write timeout with its contentions. */
    public static WriteTimeout cas(String message, ConsistencyLevel consistency, int received, int blockFor,
                                   int contentions) {
        return new WriteTimeout(message, consistency, received, blockFor, WriteType.CAS, OptionalInt.of(contentions));
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.WRITE_TIMEOUT;
    }
}
