package io.reactivecql.protocol.response;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Response;

import java.util.Objects;

/**
 * AUTHENTICATE (section 4.2.3): the server requires authentication; the client starts the SASL
 * exchange with an AUTH_RESPONSE. Body: a [string], the authenticator's class name.
 *
 * @param authenticator the full class name of the server's IAuthenticator, e.g.
 *                      {@code org.apache.cassandra.auth.PasswordAuthenticator}
 */
public record Authenticate(String authenticator) implements Response {

    public Authenticate {
        Objects.requireNonNull(authenticator, "authenticator");
    }

    @Override
    public int opcode() {
        return Opcode.AUTHENTICATE;
    }
}
