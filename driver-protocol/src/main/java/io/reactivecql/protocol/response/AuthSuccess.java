package io.reactivecql.protocol.response;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Response;

import java.nio.ByteBuffer;

/**
 * AUTH_SUCCESS (section 4.2.8): the SASL exchange succeeded; the connection accepts queries.
 * Body: a [bytes] token with the server's final information, if the authenticator has any.
 *
 * @param token the final token, or null
 */
public record AuthSuccess(ByteBuffer token) implements Response {

    @Override
    public int opcode() {
        return Opcode.AUTH_SUCCESS;
    }
}
