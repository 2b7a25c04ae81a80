package io.reactivecql.api.errors;

import io.reactivecql.protocol.ConsistencyLevel;

import java.net.InetSocketAddress;

/**
 * The coordinator knew too few live replicas to satisfy the consistency level and did not try
 * (Unavailable, 0x1000). Nothing was written.
 */
public class UnavailableException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    private final ConsistencyLevel consistency;
    private final int required;
    private final int alive;

    public UnavailableException(InetSocketAddress coordinator, String message, ConsistencyLevel consistency,
                                int required, int alive) {
        super(coordinator, 0x1000, message);
        this.consistency = consistency;
        this.required = required;
        this.alive = alive;
    }

    /** The consistency level of the request. */
    public ConsistencyLevel consistency() {
        return consistency;
    }

    /** The number of live replicas the level needs. */
    public int required() {
        return required;
    }

    /** The number of replicas the coordinator knew alive. */
    public int alive() {
        return alive;
    }
}
