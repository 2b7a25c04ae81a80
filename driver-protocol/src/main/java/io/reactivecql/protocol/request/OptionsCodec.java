package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;

/** The codec of {@link Options}: an empty body (bytes left over are the envelope codec's to refuse). Stateless. */
public final class OptionsCodec implements MessageCodec<Options> {

    @Override
    public int opcode() {
        return Opcode.OPTIONS;
    }

    @Override
    public void encode(Options message, ByteBuf out, ProtocolVersion version) {
        // empty body
    }

    @Override
    public Options decode(ByteBuf in, ProtocolVersion version) {
        return Options.INSTANCE;
    }
}
