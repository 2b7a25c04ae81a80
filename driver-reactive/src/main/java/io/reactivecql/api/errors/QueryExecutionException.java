package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/**
 * The coordinator accepted the query but could not execute it as asked: too few replicas alive
 * or answering in time, a replica or function failure. Whether a retry can help depends on the
 * subclass and on the statement's idempotence.
 */
public abstract class QueryExecutionException extends ServerException {

    private static final long serialVersionUID = 1L;

    protected QueryExecutionException(InetSocketAddress coordinator, int errorCode, String message) {
        super(coordinator, errorCode, message);
    }
}
