package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** The server says a message of this driver violated the protocol (Protocol_error, 0x000A). */
public class ProtocolErrorException extends CoordinatorException {

    private static final long serialVersionUID = 1L;

    public ProtocolErrorException(InetSocketAddress coordinator, String message) {
        super(coordinator, 0x000A, message);
    }
}
