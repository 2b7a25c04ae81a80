package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** The logged-in user lacks a permission the query needs (Unauthorized, 0x2100). */
public class UnauthorizedException extends QueryValidationException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(InetSocketAddress coordinator, String message) {
        super(coordinator, 0x2100, message);
    }
}
