package io.reactivecql.protocol.response;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolVersion;

/** The codec of {@link Supported}: one [string multimap]. Stateless. */
public final class SupportedCodec implements MessageCodec<Supported> {

    @Override
    public int opcode() {
        return Opcode.SUPPORTED;
    }

    @Override
    public void encode(Supported message, ByteBuf out, ProtocolVersion version) {
        int start = out.writerIndex();
        try {
            Primitives.writeStringMultimap(message.options(), out);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    @Override
    public Supported decode(ByteBuf in, ProtocolVersion version) {
        return new Supported(Primitives.readStringMultimap(in, "SUPPORTED options"));
    }
}
