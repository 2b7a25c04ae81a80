package io.reactivecql.protocol.response;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolVersion;

/** The codec of {@link AuthChallenge}: one [bytes], null as length -1. Stateless. */
public final class AuthChallengeCodec implements MessageCodec<AuthChallenge> {

    @Override
    public int opcode() {
        return Opcode.AUTH_CHALLENGE;
    }

    @Override
    public void encode(AuthChallenge message, ByteBuf out, ProtocolVersion version) {
        Primitives.writeBytes(message.token(), out);
    }

    @Override
    public AuthChallenge decode(ByteBuf in, ProtocolVersion version) {
        return new AuthChallenge(Primitives.readBytes(in, "AUTH_CHALLENGE token"));
    }
}
