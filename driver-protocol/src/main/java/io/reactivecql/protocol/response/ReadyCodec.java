package io.reactivecql.protocol.response;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;

/** The codec of {@link Ready}: an empty body. Stateless. */
public final class ReadyCodec implements MessageCodec<Ready> {

    @Override
    public int opcode() {
        return Opcode.READY;
    }

    @Override
    public void encode(Ready message, ByteBuf out, ProtocolVersion version) {
        // empty body
    }

    @Override
    public Ready decode(ByteBuf in, ProtocolVersion version) {
        return Ready.INSTANCE;
    }
}
