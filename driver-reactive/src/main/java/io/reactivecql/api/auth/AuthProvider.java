package io.reactivecql.api.auth;

import java.net.InetSocketAddress;

/**
 * Creates an {@link Authenticator} for each connection that the server asks to authenticate
 * (AUTHENTICATE response). Implementations must be thread-safe.
 */
public interface AuthProvider {

    /**
     * @param endpoint          the node being connected to
     * @param serverAuthenticator the authenticator class the server named (e.g.
     *                          {@code org.apache.cassandra.auth.PasswordAuthenticator})
     */
    Authenticator newAuthenticator(InetSocketAddress endpoint, String serverAuthenticator);
}
