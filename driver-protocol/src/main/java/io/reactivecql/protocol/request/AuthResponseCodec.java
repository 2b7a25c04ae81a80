package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolVersion;

/** The codec of {@link AuthResponse}: one [bytes], null as length -1. Stateless. */
public final class AuthResponseCodec implements MessageCodec<AuthResponse> {

    @Override
    public int opcode() {
        return Opcode.AUTH_RESPONSE;
    }

    @Override
    public void encode(AuthResponse message, ByteBuf out, ProtocolVersion version) {
        RequestWire.writeBytes(message.token(), out);
    }

    @Override
    public AuthResponse decode(ByteBuf in, ProtocolVersion version) {
        return new AuthResponse(Primitives.readBytes(in, "AUTH_RESPONSE token"));
    }
}
