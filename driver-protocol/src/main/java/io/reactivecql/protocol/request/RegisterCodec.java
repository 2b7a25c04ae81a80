package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;

import java.util.List;

/** The codec of {@link Register}: a [string list]; an unknown event type is malformed. Stateless. */
public final class RegisterCodec implements MessageCodec<Register> {

    @Override
    public int opcode() {
        return Opcode.REGISTER;
    }

    @Override
    public void encode(Register message, ByteBuf out, ProtocolVersion version) {
        Primitives.writeStringList(message.eventTypes(), out);
    }

    @Override
    public Register decode(ByteBuf in, ProtocolVersion version) {
        List<String> types = Primitives.readStringList(in, "REGISTER event types");
        for (String type : types) {
            if (!Register.isKnown(type)) {
                throw ProtocolException.at(in, "unknown REGISTER event type '" + type + "'");
            }
        }
        return new Register(types);
    }
}
