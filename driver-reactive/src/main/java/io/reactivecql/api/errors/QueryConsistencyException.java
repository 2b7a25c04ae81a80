package io.reactivecql.api.errors;

import io.reactivecql.protocol.ConsistencyLevel;

import java.net.InetSocketAddress;

/**
 * Replicas did not give the coordinator the answers a consistency level needs (timeouts, failures,
 * an unknown CAS outcome): the fields every such error carries.
 */
public abstract class QueryConsistencyException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    private final ConsistencyLevel consistency;
    private final int received;
    private final int blockFor;

    protected QueryConsistencyException(InetSocketAddress coordinator, int errorCode, String message,
                                        ConsistencyLevel consistency, int received, int blockFor) {
        super(coordinator, errorCode, message);
        this.consistency = consistency;
        this.received = received;
        this.blockFor = blockFor;
    }

    /** The consistency level of the request. */
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
}
