package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/**
 * A connection to a node could not be opened: TCP connect, TLS handshake, protocol negotiation or
 * the STARTUP exchange failed or timed out (authentication failures are the more specific
 * {@link AuthenticationException}). Nothing was sent on behalf of the user; another attempt, on
 * this node later or on another node, may succeed.
 */
public class ConnectionInitException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final transient InetSocketAddress endpoint;

    public ConnectionInitException(InetSocketAddress endpoint, String message, Throwable cause) {
        super("could not open a connection to " + endpoint + ": " + message, cause);
        this.endpoint = endpoint;
    }

    /** The node that was being connected to. */
    public InetSocketAddress endpoint() {
        return endpoint;
    }
}
