package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** The query does not parse (Syntax_error, 0x2000). */
public class SyntaxErrorException extends QueryValidationException {

    private static final long serialVersionUID = 1L;

    public SyntaxErrorException(InetSocketAddress coordinator, String message) {
        super(coordinator, 0x2000, message);
    }
}
