package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;

/** The codec of {@link Prepare}. A keyspace on v4 is an {@link IllegalArgumentException}. Stateless. */
public final class PrepareCodec implements MessageCodec<Prepare> {

    @Override
    public int opcode() {
        return Opcode.PREPARE;
    }

    @Override
    public void encode(Prepare message, ByteBuf out, ProtocolVersion version) {
        if (message.keyspace() != null) {
            RequestWire.requireV5(version, "keyspace per query");
        }
        int start = out.writerIndex();
        try {
            Primitives.writeLongString(message.query(), out);
            if (version != ProtocolVersion.V4) {
                out.writeInt(message.keyspace() == null ? 0 : Prepare.WITH_KEYSPACE);
                if (message.keyspace() != null) {
                    Primitives.writeString(message.keyspace(), out);
                }
            }
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    @Override
    public Prepare decode(ByteBuf in, ProtocolVersion version) {
        String query = Primitives.readLongString(in, "PREPARE query");
        if (version == ProtocolVersion.V4) {
            return new Prepare(query);
        }
        int flags = Primitives.readInt(in, "PREPARE flags");
        if ((flags & ~Prepare.WITH_KEYSPACE) != 0) {
            throw ProtocolException.at(in, String.format("unknown PREPARE flags 0x%X", flags & ~Prepare.WITH_KEYSPACE));
        }
        String keyspace = (flags & Prepare.WITH_KEYSPACE) != 0 ? QueryOptionsCodec.readKeyspace(in, "PREPARE") : null;
        return new Prepare(query, keyspace);
    }
}
