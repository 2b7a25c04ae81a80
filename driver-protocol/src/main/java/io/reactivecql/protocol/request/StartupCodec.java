package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;

import java.util.Map;

/** The codec of {@link Startup}: the same [string map] in v4 and v5. Stateless. */
public final class StartupCodec implements MessageCodec<Startup> {

    @Override
    public int opcode() {
        return Opcode.STARTUP;
    }

    @Override
    public void encode(Startup message, ByteBuf out, ProtocolVersion version) {
        int start = out.writerIndex();
        try {
            Primitives.writeStringMap(message.options(), out);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    @Override
    public Startup decode(ByteBuf in, ProtocolVersion version) {
        Map<String, String> options = Primitives.readStringMap(in, "STARTUP options");
        if (!options.containsKey(Startup.CQL_VERSION)) {
            throw ProtocolException.at(in, "STARTUP options lack the mandatory " + Startup.CQL_VERSION);
        }
        return new Startup(options);
    }
}
