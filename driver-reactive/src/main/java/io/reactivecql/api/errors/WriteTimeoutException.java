package io.reactivecql.api.errors;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.response.error.WriteType;

import java.net.InetSocketAddress;
import java.util.OptionalInt;

/**
 * Replicas did not acknowledge a write in time (Write_timeout, 0x1100). The write may or may not
 * have been applied.
 */
public class WriteTimeoutException extends QueryConsistencyException {

    private static final long serialVersionUID = 1L;

    private final WriteType writeType;
    private final transient OptionalInt contentions;

    public WriteTimeoutException(InetSocketAddress coordinator, String message, ConsistencyLevel consistency,
                                 int received, int blockFor, WriteType writeType, OptionalInt contentions) {
        super(coordinator, 0x1100, message, consistency, received, blockFor);
        this.writeType = writeType;
        this.contentions = contentions;
    }

    /** The kind of write that timed out. */
    public WriteType writeType() {
        return writeType;
    }

    /** The Paxos contentions of a CAS write (protocol v5), else empty. */
    public OptionalInt contentions() {
        return contentions;
    }
}
