package io.reactivecql.protocol.response;

import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Response;

import java.nio.ByteBuffer;

/**
 * AUTH_CHALLENGE (section 4.2.7): a server challenge in a SASL exchange, answered by
 * AUTH_RESPONSE. Body: a [bytes] token whose content depends on the authenticator.
 *
 * @param token the challenge, or null
 */
public record AuthChallenge(ByteBuffer token) implements Response {

    @Override
    public int opcode() {
        return Opcode.AUTH_CHALLENGE;
    }
}
