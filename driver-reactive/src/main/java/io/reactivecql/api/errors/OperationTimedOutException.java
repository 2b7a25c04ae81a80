package io.reactivecql.api.errors;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * No answer came within the statement's timeout (client side); the request was abandoned and its
 * stream id released by the connection when the late answer arrives. Whether the server applied
 * the request is unknown.
 */
public class OperationTimedOutException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final transient InetSocketAddress node;
    private final transient Duration timeout;

    public OperationTimedOutException(InetSocketAddress node, Duration timeout, String statement) {
        super("no answer" + (node == null ? "" : " from " + node) + " within " + timeout.toMillis() + " ms for "
                + statement);
        this.node = node;
        this.timeout = timeout;
    }

    /** The node the request was last sent to, or null when none was reached. */
    public InetSocketAddress node() {
        return node;
    }

    /** The timeout that expired. */
    public Duration timeout() {
        return timeout;
    }
}
