package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/**
 * The bytes from a node did not follow the native protocol (the cause is the codec's
 * {@link io.reactivecql.protocol.ProtocolException}); the connection was closed.
 */
public class ProtocolViolationException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final transient InetSocketAddress endpoint;

    public ProtocolViolationException(InetSocketAddress endpoint, Throwable cause) {
        super("protocol violation on the connection to " + endpoint + ": " + cause.getMessage(), cause);
        this.endpoint = endpoint;
    }

    public InetSocketAddress endpoint() {
        return endpoint;
    }
}
