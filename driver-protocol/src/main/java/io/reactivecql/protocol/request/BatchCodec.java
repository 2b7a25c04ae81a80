package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.MessageCodec;
import io.reactivecql.protocol.Opcode;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.reactivecql.protocol.request.QueryFlags.DEFAULT_TIMESTAMP;
import static io.reactivecql.protocol.request.QueryFlags.KEYSPACE;
import static io.reactivecql.protocol.request.QueryFlags.NAMES_FOR_VALUES;
import static io.reactivecql.protocol.request.QueryFlags.NOW_IN_SECONDS;
import static io.reactivecql.protocol.request.QueryFlags.SERIAL_CONSISTENCY;

/**
 * The codec of {@link Batch}. A keyspace or now_in_seconds on v4 is an
 * {@link IllegalArgumentException}. Decoding refuses the four low flag bits (the spec requires
 * them 0) and the names-for-values flag 0x40 (unimplementable, CASSANDRA-10246). Stateless.
 */
public final class BatchCodec implements MessageCodec<Batch> {

    private static final int V4_FLAGS = SERIAL_CONSISTENCY | DEFAULT_TIMESTAMP;
    private static final int V5_FLAGS = V4_FLAGS | KEYSPACE | NOW_IN_SECONDS;

    @Override
    public int opcode() {
        return Opcode.BATCH;
    }

    /** The flags announcing what {@code batch} holds, checked against {@code version}. */
    static int flags(Batch batch, ProtocolVersion version) {
        int flags = 0;
        if (batch.serialConsistency() != null) {
            flags |= SERIAL_CONSISTENCY;
        }
        if (batch.hasDefaultTimestamp()) {
            flags |= DEFAULT_TIMESTAMP;
        }
        if (batch.keyspace() != null) {
            RequestWire.requireV5(version, "keyspace per query");
            flags |= KEYSPACE;
        }
        if (batch.hasNowInSeconds()) {
            RequestWire.requireV5(version, "now_in_seconds");
            flags |= NOW_IN_SECONDS;
        }
        return flags;
    }

    @Override
    public void encode(Batch message, ByteBuf out, ProtocolVersion version) {
        int flags = flags(message, version);
        int start = out.writerIndex();
        try {
            out.writeByte(message.type().code());
            List<BatchStatement> statements = message.statements();
            int n = statements.size();
            out.writeShort(n);
            for (int i = 0; i < n; i++) {
                writeStatement(statements.get(i), out);
            }
            out.writeShort(message.consistency().code());
            RequestWire.writeFlags(flags, out, version);
            if ((flags & SERIAL_CONSISTENCY) != 0) {
                out.writeShort(message.serialConsistency().code());
            }
            if ((flags & DEFAULT_TIMESTAMP) != 0) {
                out.writeLong(message.defaultTimestamp());
            }
            if ((flags & KEYSPACE) != 0) {
                Primitives.writeString(message.keyspace(), out);
            }
            if ((flags & NOW_IN_SECONDS) != 0) {
                out.writeInt(message.nowInSeconds());
            }
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    private static void writeStatement(BatchStatement statement, ByteBuf out) {
        if (statement.isPrepared()) {
            out.writeByte(BatchStatement.KIND_PREPARED);
            RequestWire.writeShortBytes(statement.preparedId(), out);
        } else {
            out.writeByte(BatchStatement.KIND_QUERY);
            Primitives.writeLongString(statement.query(), out);
        }
        List<ByteBuffer> values = statement.values();
        int n = values.size();
        out.writeShort(n);
        for (int i = 0; i < n; i++) {
            RequestWire.writeValue(values.get(i), out);
        }
    }

    @Override
    public Batch decode(ByteBuf in, ProtocolVersion version) {
        int typeCode = Primitives.readByte(in, "BATCH type");
        BatchType type = BatchType.fromCode(typeCode);
        if (type == null) {
            throw ProtocolException.at(in, "unknown BATCH type " + typeCode + " (0 LOGGED, 1 UNLOGGED, 2 COUNTER)");
        }
        int n = Primitives.readUnsignedShort(in, "BATCH statement count");
        // a statement takes at least 5 bytes: kind, an empty id's length, a zero value count
        Primitives.require(in, n * 5, "BATCH statements");
        List<BatchStatement> statements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            statements.add(readStatement(in, i));
        }
        ConsistencyLevel consistency = RequestWire.readConsistency(in, "BATCH consistency");
        int flags = RequestWire.readFlags(in, version, "BATCH flags");
        checkFlags(in, flags, version);
        ConsistencyLevel serial = (flags & SERIAL_CONSISTENCY) != 0
                ? QueryOptionsCodec.readSerialConsistency(in, "BATCH")
                : null;
        long timestamp = (flags & DEFAULT_TIMESTAMP) != 0
                ? QueryOptionsCodec.readDefaultTimestamp(in, "BATCH")
                : QueryOptions.NO_DEFAULT_TIMESTAMP;
        String keyspace = (flags & KEYSPACE) != 0 ? QueryOptionsCodec.readKeyspace(in, "BATCH") : null;
        int now = (flags & NOW_IN_SECONDS) != 0
                ? QueryOptionsCodec.readNowInSeconds(in, "BATCH")
                : QueryOptions.NO_NOW_IN_SECONDS;
        try {
            return new Batch(type, Collections.unmodifiableList(statements), consistency, serial, timestamp, keyspace, now);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RequestWire.invalid(in, "BATCH", e);
        }
    }

    private static void checkFlags(ByteBuf in, int flags, ProtocolVersion version) {
        if ((flags & QueryFlags.BATCH_FORBIDDEN) != 0) {
            throw ProtocolException.at(in, String.format("BATCH flags 0x%X set bits of the low four, which must be 0",
                    flags & QueryFlags.BATCH_FORBIDDEN));
        }
        if ((flags & NAMES_FOR_VALUES) != 0) {
            throw ProtocolException.at(in, "BATCH names for values (flag 0x40) is not supported (CASSANDRA-10246)");
        }
        int unknown = flags & ~(version == ProtocolVersion.V4 ? V4_FLAGS : V5_FLAGS);
        if (unknown != 0) {
            throw ProtocolException.at(in, String.format("unknown BATCH flags 0x%X for protocol %s", unknown, version));
        }
    }

    private static BatchStatement readStatement(ByteBuf in, int index) {
        int kind = Primitives.readByte(in, "BATCH statement kind");
        String query = null;
        ByteBuffer id = null;
        if (kind == BatchStatement.KIND_QUERY) {
            query = Primitives.readLongString(in, "BATCH statement query");
        } else if (kind == BatchStatement.KIND_PREPARED) {
            id = RequestWire.readShortBytes(in, "BATCH statement prepared id");
        } else {
            throw ProtocolException.at(in, "unknown kind " + kind + " of BATCH statement " + index + " (0 query, 1 prepared)");
        }
        int n = Primitives.readUnsignedShort(in, "BATCH statement value count");
        Primitives.require(in, n * 4, "BATCH statement values");
        List<ByteBuffer> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(Primitives.readValue(in, "BATCH statement value"));
        }
        return new BatchStatement(query, id, values);
    }
}
