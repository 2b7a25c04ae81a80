package io.reactivecql.api.errors;

import io.reactivecql.protocol.ConsistencyLevel;

import java.net.InetSocketAddress;

/**
 * A contended lightweight transaction was only partly done (CAS_write_unknown, 0x1700): a later
 * CAS write or SERIAL read may or may not complete it.
 */
public class CasWriteUnknownException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    private final ConsistencyLevel consistency;
    private final int received;
    private final int blockFor;

    public CasWriteUnknownException(InetSocketAddress coordinator, String message, ConsistencyLevel consistency,
                                    int received, int blockFor) {
        super(coordinator, 0x1700, message);
        this.consistency = consistency;
        this.received = received;
        this.blockFor = blockFor;
    }

    /** The consistency level of the request. */
    public ConsistencyLevel consistency() {
        return consistency;
    }

    /** The number of replicas that accepted the proposal. */
    public int received() {
        return received;
    }

    /** The number of acceptances the level needs. */
    public int blockFor() {
        return blockFor;
    }
}
