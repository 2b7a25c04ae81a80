package io.reactivecql.api.errors;

import io.reactivecql.protocol.ConsistencyLevel;

import java.net.InetSocketAddress;

/** Replicas did not answer a read in time (Read_timeout, 0x1200). */
public class ReadTimeoutException extends QueryConsistencyException {

    private static final long serialVersionUID = 1L;

    private final boolean dataPresent;

    public ReadTimeoutException(InetSocketAddress coordinator, String message, ConsistencyLevel consistency,
                                int received, int blockFor, boolean dataPresent) {
        super(coordinator, 0x1200, message, consistency, received, blockFor);
        this.dataPresent = dataPresent;
    }

    /** Whether the replica asked for the data (not only a digest) answered. */
    public boolean dataPresent() {
        return dataPresent;
    }
}
