package io.reactivecql.api.errors;

import io.reactivecql.protocol.ConsistencyLevel;

import java.net.InetSocketAddress;

/** Replicas did not answer a read in time (Read_timeout, 0x1200). */
public class ReadTimeoutException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    private final ConsistencyLevel consistency;
    private final int received;
    private final int blockFor;
    private final boolean dataPresent;

    public ReadTimeoutException(InetSocketAddress coordinator, String message, ConsistencyLevel consistency,
                                int received, int blockFor, boolean dataPresent) {
        super(coordinator, 0x1200, message);
        this.consistency = consistency;
        this.received = received;
        this.blockFor = blockFor;
        this.dataPresent = dataPresent;
    }

    /** The consistency level of the read. */
    public ConsistencyLevel consistency() {
        return consistency;
    }

    /** The number of replicas that answered. */
    public int received() {
        return received;
    }

    /** The number of answers the level needs. */
    public int blockFor() {
        return blockFor;
    }

    /** Whether the replica asked for the data (not only a digest) answered. */
    public boolean dataPresent() {
        return dataPresent;
    }
}
