package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** An unexpected error on the server, a server-side bug (Server_error, 0x0000). */
public class ServerErrorException extends CoordinatorException {

    private static final long serialVersionUID = 1L;

    public ServerErrorException(InetSocketAddress coordinator, String message) {
        super(coordinator, 0x0000, message);
    }
}
