package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.ProtocolVersion;

import java.nio.ByteBuffer;

/**
 * The codec of {@link Execute}. Encoding throws {@link IllegalArgumentException} for a v5 message
 * without a result metadata id and for a v4 message with one. Stateless.
 */
public final class ExecuteCodec implements MessageCodec<Execute> {

    @Override
    public int opcode() {
        return Opcode.EXECUTE;
    }

    @Override
    public void encode(Execute message, ByteBuf out, ProtocolVersion version) {
        boolean v5 = version != ProtocolVersion.V4;
        if (v5 && message.resultMetadataId() == null) {
            throw new IllegalArgumentException("resultMetadataId is required by protocol " + version);
        }
        if (!v5 && message.resultMetadataId() != null) {
            throw new IllegalArgumentException("resultMetadataId needs protocol v5");
        }
        int flags = QueryOptionsCodec.flags(message.options(), version);
        int start = out.writerIndex();
        try {
            RequestWire.writeShortBytes(message.id(), out);
            if (v5) {
                RequestWire.writeShortBytes(message.resultMetadataId(), out);
            }
            QueryOptionsCodec.encode(message.options(), flags, out, version);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    @Override
    public Execute decode(ByteBuf in, ProtocolVersion version) {
        ByteBuffer id = RequestWire.readShortBytes(in, "EXECUTE id");
        ByteBuffer resultMetadataId = version == ProtocolVersion.V4
                ? null
                : RequestWire.readShortBytes(in, "EXECUTE result metadata id");
        return new Execute(id, resultMetadataId, QueryOptionsCodec.decode(in, version, "EXECUTE"));
    }
}
