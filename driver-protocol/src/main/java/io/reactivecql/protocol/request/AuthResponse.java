package io.reactivecql.protocol.request;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Request;

import java.nio.ByteBuffer;

/**
 * AUTH_RESPONSE (section 4.1.2): the client's answer to AUTHENTICATE or AUTH_CHALLENGE in a SASL
 * exchange. Body: a [bytes] token, whose content depends on the authenticator. The token often
 * holds a password: {@link #toString()} shows only its length.
 *
 * @param token the SASL response, or null
 */
public record AuthResponse(ByteBuffer token) implements Request {

    @Override
    public int opcode() {
        return Opcode.AUTH_RESPONSE;
    }

    @Override
    public String toString() {
        return "AuthResponse[token=" + (token == null ? "null" : token.remaining() + " bytes") + "]";
    }
}
