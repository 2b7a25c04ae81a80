package io.reactivecql.protocol.response.result;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;
import io.reactivecql.protocol.response.event.SchemaChangeCodec;

/**
 * The RESULT body: the kind [int], then the body of that kind (4.2.5.1 to 4.2.5.5). v5 differs from
 * v4 by the Prepared result's result metadata id and the rows metadata's Metadata_changed flag. An
 * unknown kind or flag is a {@link ProtocolException}.
 */
public final class ResultCodec implements MessageCodec<Result> {

    @Override
    public int opcode() {
        return Opcode.RESULT;
    }

    @Override
    public Result decode(ByteBuf in, ProtocolVersion version) {
        int code = Primitives.readInt(in, "result kind");
        ResultKind kind = ResultKind.fromCode(code);
        if (kind == null) {
            throw ProtocolException.at(in, "unknown result kind " + code);
        }
        switch (kind) {
            case VOID:
                return VoidResult.INSTANCE;
            case ROWS:
                return RowsResult.read(MetadataCodec.readRowsMetadata(in, version), in);
            case SET_KEYSPACE:
                return new SetKeyspaceResult(Primitives.readString(in, "keyspace"));
            case PREPARED:
                return decodePrepared(in, version);
            case SCHEMA_CHANGE:
                return new SchemaChangeResult(SchemaChangeCodec.read(in));
            default:
                throw new AssertionError(kind);
        }
    }

    private static PreparedResult decodePrepared(ByteBuf in, ProtocolVersion version) {
        byte[] id = Primitives.readShortBytes(in, "prepared id");
        byte[] resultMetadataId = version == ProtocolVersion.V4
                ? null
                : Primitives.readShortBytes(in, "result_metadata_id");
        PreparedMetadata variables = MetadataCodec.readPreparedMetadata(in);
        RowsMetadata resultMetadata = MetadataCodec.readRowsMetadata(in, version);
        return new PreparedResult(id, resultMetadataId, variables, resultMetadata);
    }

    @Override
    public void encode(Result result, ByteBuf out, ProtocolVersion version) {
        out.writeInt(result.kind().code());
        if (result instanceof RowsResult rows) {
            MetadataCodec.writeRowsMetadata(rows.metadata(), out, version);
            rows.writeRows(out);
        } else if (result instanceof SetKeyspaceResult setKeyspace) {
            Primitives.writeString(setKeyspace.keyspace(), out);
        } else if (result instanceof PreparedResult prepared) {
            Primitives.writeShortBytes(prepared.id(), out);
            if (version != ProtocolVersion.V4) {
                byte[] resultMetadataId = prepared.resultMetadataId();
                if (resultMetadataId == null) {
                    throw new IllegalArgumentException("a " + version + " Prepared result needs a result metadata id");
                }
                Primitives.writeShortBytes(resultMetadataId, out);
            }
            MetadataCodec.writePreparedMetadata(prepared.variables(), out);
            MetadataCodec.writeRowsMetadata(prepared.resultMetadata(), out, version);
        } else if (result instanceof SchemaChangeResult schemaChange) {
            SchemaChangeCodec.write(schemaChange.change(), out);
        }
        // VoidResult: nothing after the kind
    }
}
