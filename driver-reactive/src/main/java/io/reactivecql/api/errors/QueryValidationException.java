package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/**
 * The query was refused before execution: it does not parse, is invalid, is not authorized, or
 * creates something that exists. Retrying the same query cannot succeed.
 */
public abstract class QueryValidationException extends ServerException {

    private static final long serialVersionUID = 1L;

    protected QueryValidationException(InetSocketAddress coordinator, int errorCode, String message) {
        super(coordinator, errorCode, message);
    }
}
