package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** The query parses but is invalid (Invalid, 0x2200): an unknown table or column, a wrong value type, a missing partition key restriction, ... */
public class InvalidQueryException extends QueryValidationException {

    private static final long serialVersionUID = 1L;

    public InvalidQueryException(InetSocketAddress coordinator, String message) {
        super(coordinator, 0x2200, message);
    }
}
