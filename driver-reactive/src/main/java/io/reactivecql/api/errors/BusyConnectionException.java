package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/**
 * The connection cannot take the request, which was not sent: every stream id is in use and its
 * bounded queue of waiting requests is full, or the node answered OVERLOADED lately and the
 * connection holds back (see {@link #overloaded}). Safe to retry elsewhere or later; the session
 * moves on to the next node of the query plan by itself.
 */
public class BusyConnectionException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final transient InetSocketAddress endpoint;

    public BusyConnectionException(InetSocketAddress endpoint, int inFlight, int queued) {
        this(endpoint, "connection to " + endpoint + " is busy: " + inFlight + " requests in flight and " + queued
                + " queued, the queue is full");
    }

    /** With a message of its own. */
    public BusyConnectionException(InetSocketAddress endpoint, String message) {
        super(message);
        this.endpoint = endpoint;
    }

    /**
     * The node answered OVERLOADED lately: the connection lets only {@code window} requests out at
     * once, and that many are in flight.
     */
    public static BusyConnectionException overloaded(InetSocketAddress endpoint, int inFlight, int window) {
        return new BusyConnectionException(endpoint, "connection to " + endpoint + " holds back after OVERLOADED "
                + "answers: " + inFlight + " requests in flight, " + window + " allowed for now");
    }

    public InetSocketAddress endpoint() {
        return endpoint;
    }
}
