package io.reactivecql.protocol.response;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolVersion;

/** The codec of {@link Authenticate}: one [string]. Stateless. */
public final class AuthenticateCodec implements MessageCodec<Authenticate> {

    @Override
    public int opcode() {
        return Opcode.AUTHENTICATE;
    }

    @Override
    public void encode(Authenticate message, ByteBuf out, ProtocolVersion version) {
        int start = out.writerIndex();
        try {
            Primitives.writeString(message.authenticator(), out);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    @Override
    public Authenticate decode(ByteBuf in, ProtocolVersion version) {
        return new Authenticate(Primitives.readString(in, "AUTHENTICATE authenticator"));
    }
}
