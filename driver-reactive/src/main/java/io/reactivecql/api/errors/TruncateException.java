package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** A TRUNCATE failed (Truncate_error, 0x1003). */
public class TruncateException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    public TruncateException(InetSocketAddress coordinator, String message) {
        super(coordinator, 0x1003, message);
    }
}
