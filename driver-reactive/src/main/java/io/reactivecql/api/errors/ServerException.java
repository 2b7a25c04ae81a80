package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** An ERROR response from a Cassandra node: its protocol error code, message and coordinator. */
public abstract class ServerException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final transient InetSocketAddress coordinator;
    private final int errorCode;

    protected ServerException(InetSocketAddress coordinator, int errorCode, String message) {
        super(message + (coordinator == null ? "" : " (from " + coordinator + ")"));
        this.coordinator = coordinator;
        this.errorCode = errorCode;
    }

    /** The node that answered with the error, or null when unknown. */
    public InetSocketAddress coordinator() {
        return coordinator;
    }

    /** The protocol's error code (section 8 of the spec). */
    public int errorCode() {
        return errorCode;
    }
}
