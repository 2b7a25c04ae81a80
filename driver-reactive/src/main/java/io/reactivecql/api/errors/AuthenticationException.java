package io.reactivecql.api.errors;

import java.net.InetSocketAddress;

/** The node refused the credentials (or the SASL exchange failed). Not retried: a wrong password stays wrong. */
public class AuthenticationException extends DriverException {

    private static final long serialVersionUID = 1L;

    private final transient InetSocketAddress endpoint;

    public AuthenticationException(InetSocketAddress endpoint, String message) {
        super("authentication with " + endpoint + " failed: " + message);
        this.endpoint = endpoint;
    }

    public AuthenticationException(InetSocketAddress endpoint, String message, Throwable cause) {
        super("authentication with " + endpoint + " failed: " + message, cause);
        this.endpoint = endpoint;
    }

    /** The node that refused the authentication. */
    public InetSocketAddress endpoint() {
        return endpoint;
    }
}
