package io.reactivecql.api.errors;

import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.response.error.WriteType;

import java.net.InetSocketAddress;
import java.util.OptionalInt;

/**
 * Replicas did not acknowledge a write in time (Write_timeout, 0x1100). The write may or may not
 * have been applied.
 */
public class WriteTimeoutException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    private final ConsistencyLevel consistency;
    private final int received;
    private final int blockFor;
    private final WriteType writeType;
    private final transient OptionalInt contentions;

    public WriteTimeoutException(InetSocketAddress coordinator, String message, ConsistencyLevel consistency,
                                 int received, int blockFor, WriteType writeType, OptionalInt contentions) {
        super(coordinator, 0x1100, message);
        this.consistency = consistency;
        this.received = received;
        this.blockFor = blockFor;
        this.writeType = writeType;
        this.contentions = contentions;
    }

    /** The consistency level of the write. */
    public ConsistencyLevel consistency() {
        return consistency;
    }

    /** The number of replicas that acknowledged. */
    public int received() {
        return received;
    }

    /** The number of acknowledgements the level needs. */
    public int blockFor() {
        return blockFor;
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
