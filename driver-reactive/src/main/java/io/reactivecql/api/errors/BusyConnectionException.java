package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/**
 * Every stream id of a connection is in use and its bounded queue of waiting requests is full:
 * the request was not sent. Safe to retry elsewhere or later.
 */
public class BusyConnectionException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final transient InetSocketAddress endpoint;

    public BusyConnectionException(InetSocketAddress endpoint, int inFlight, int queued) {
        super("connection to " + endpoint + " is busy: " + inFlight + " requests in flight and " + queued
                + " queued, the queue is full");
        this.endpoint = endpoint;
    }

    public InetSocketAddress endpoint() {
        return endpoint;
    }
}
