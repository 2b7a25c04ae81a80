package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolVersion;

/** The codec of {@link Query}. Stateless. */
public final class QueryCodec implements MessageCodec<Query> {

    @Override
    public int opcode() {
        return Opcode.QUERY;
    }

    @Override
    public void encode(Query message, ByteBuf out, ProtocolVersion version) {
        // flags first: an option the version cannot carry fails before a byte is written
        int flags = QueryOptionsCodec.flags(message.options(), version);
        int start = out.writerIndex();
        try {
            Primitives.writeLongString(message.query(), out);
            QueryOptionsCodec.encode(message.options(), flags, out, version);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    @Override
    public Query decode(ByteBuf in, ProtocolVersion version) {
        String query = Primitives.readLongString(in, "QUERY string");
        return new Query(query, QueryOptionsCodec.decode(in, version, "QUERY"));
    }
}
