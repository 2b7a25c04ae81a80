package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/**
 * The connection a request was written to closed (or failed) before the answer came. Whether the
 * server applied the request is unknown.
 */
public class ConnectionClosedException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final transient InetSocketAddress endpoint;

    public ConnectionClosedException(InetSocketAddress endpoint, String message, Throwable cause) {
        super(message + " (connection to " + endpoint + ")", cause);
        this.endpoint = endpoint;
    }

    public InetSocketAddress endpoint() {
        return endpoint;
    }
}
