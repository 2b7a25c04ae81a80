package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/**
 * The coordinator itself failed the request (server error, overload, bootstrapping, protocol
 * error): another node may well succeed.
 */
public abstract class CoordinatorException extends ServerException {

    private static final long serialVersionUID = 1L;

    protected CoordinatorException(InetSocketAddress coordinator, int errorCode, String message) {
        super(coordinator, errorCode, message);
    }
}
