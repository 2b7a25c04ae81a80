package io.reactivecql.api.errors;

import io.reactivecql.protocol.ProtocolVersion;

import java.net.InetSocketAddress;

/**
 * The node refused the protocol version the driver asked for (a protocol error about the version
 * in answer to OPTIONS or STARTUP). When the version is negotiated the driver falls back to an
 * older one on a new connection; when it is configured, this reaches the caller.
 */
public class UnsupportedProtocolVersionException extends ConnectionInitException {

    private static final long serialVersionUID = 1L;

    private final ProtocolVersion attempted;

    public UnsupportedProtocolVersionException(InetSocketAddress endpoint, ProtocolVersion attempted,
                                               String serverMessage) {
        super(endpoint, "the node does not support protocol " + attempted + ": " + serverMessage, null);
        this.attempted = attempted;
    }

    /** The version the node refused. */
    public ProtocolVersion attempted() {
        return attempted;
    }
}
