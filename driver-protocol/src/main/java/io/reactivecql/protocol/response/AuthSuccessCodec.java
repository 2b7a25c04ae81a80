package io.reactivecql.protocol.response;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolVersion;

/** The codec of {@link AuthSuccess}: one [bytes], null as length -1. Stateless. */
public final class AuthSuccessCodec implements MessageCodec<AuthSuccess> {

    @Override
    public int opcode() {
        return Opcode.AUTH_SUCCESS;
    }

    @Override
    public void encode(AuthSuccess message, ByteBuf out, ProtocolVersion version) {
        Primitives.writeBytes(message.token(), out);
    }

    @Override
    public AuthSuccess decode(ByteBuf in, ProtocolVersion version) {
        return new AuthSuccess(Primitives.readBytes(in, "AUTH_SUCCESS token"));
    }
}
