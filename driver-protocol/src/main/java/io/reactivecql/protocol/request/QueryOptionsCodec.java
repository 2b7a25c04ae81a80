package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.reactivecql.protocol.ConsistencyLevel;
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
import static io.reactivecql.protocol.request.QueryFlags.PAGE_SIZE;
import static io.reactivecql.protocol.request.QueryFlags.PAGING_STATE;
import static io.reactivecql.protocol.request.QueryFlags.SERIAL_CONSISTENCY;
import static io.reactivecql.protocol.request.QueryFlags.SKIP_METADATA;
import static io.reactivecql.protocol.request.QueryFlags.VALUES;

/**
 * Reads and writes {@link QueryOptions} as {@code <query_parameters>}:
 * {@code <consistency><flags>[<n>[name_1]<value_1>...][<result_page_size>][<paging_state>]
 * [<serial_consistency>][<timestamp>][<keyspace>][<now_in_seconds>]}, flags a [byte] in v4 and
 * an [int] in v5.
 */
public final class QueryOptionsCodec {

    private QueryOptionsCodec() {
    }

    /**
     * The flags announcing what {@code options} holds; {@link IllegalArgumentException} when it
     * holds something {@code version} cannot carry.
     */
    public static int flags(QueryOptions options, ProtocolVersion version) {
        int flags = 0;
        if (!options.values().isEmpty()) {
            flags |= VALUES;
            if (options.hasNamedValues()) {
                flags |= NAMES_FOR_VALUES;
            }
        }
        if (options.skipMetadata()) {
            flags |= SKIP_METADATA;
        }
        if (options.hasPageSize()) {
            flags |= PAGE_SIZE;
        }
        if (options.pagingState() != null) {
            flags |= PAGING_STATE;
        }
        if (options.serialConsistency() != null) {
            flags |= SERIAL_CONSISTENCY;
        }
        if (options.hasDefaultTimestamp()) {
            flags |= DEFAULT_TIMESTAMP;
        }
        if (options.keyspace() != null) {
            RequestWire.requireV5(version, "keyspace per query");
            flags |= KEYSPACE;
        }
        if (options.hasNowInSeconds()) {
            RequestWire.requireV5(version, "now_in_seconds");
            flags |= NOW_IN_SECONDS;
        }
        return flags;
    }

    /** Writes {@code options}; on failure the writer index is left where it was. */
    public static void encode(QueryOptions options, ByteBuf out, ProtocolVersion version) {
        int flags = flags(options, version);
        int start = out.writerIndex();
        try {
            encode(options, flags, out, version);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    /** Writes {@code options} with flags from {@link #flags}. */
    static void encode(QueryOptions options, int flags, ByteBuf out, ProtocolVersion version) {
        out.writeShort(options.consistency().code());
        RequestWire.writeFlags(flags, out, version);
        if ((flags & VALUES) != 0) {
            List<ByteBuffer> values = options.values();
            List<String> names = options.names();
            boolean named = (flags & NAMES_FOR_VALUES) != 0;
            int n = values.size();
            out.writeShort(n);
            // indexed loops: no iterator per request, and the lists are random access
            for (int i = 0; i < n; i++) {
                if (named) {
                    Primitives.writeString(names.get(i), out);
                }
                RequestWire.writeValue(values.get(i), out);
            }
        }
        if ((flags & PAGE_SIZE) != 0) {
            out.writeInt(options.pageSize());
        }
        if ((flags & PAGING_STATE) != 0) {
            RequestWire.writeBytes(options.pagingState(), out);
        }
        if ((flags & SERIAL_CONSISTENCY) != 0) {
            out.writeShort(options.serialConsistency().code());
        }
        if ((flags & DEFAULT_TIMESTAMP) != 0) {
            out.writeLong(options.defaultTimestamp());
        }
        if ((flags & KEYSPACE) != 0) {
            Primitives.writeString(options.keyspace(), out);
        }
        if ((flags & NOW_IN_SECONDS) != 0) {
            out.writeInt(options.nowInSeconds());
        }
    }

    /**
     * Reads query parameters; {@code message} ("QUERY", "EXECUTE") names them in errors. A names
     * flag without the values flag is ignored, as the spec says.
     */
    public static QueryOptions decode(ByteBuf in, ProtocolVersion version, String message) {
        ConsistencyLevel consistency = RequestWire.readConsistency(in, message + " consistency");
        int flags = RequestWire.readFlags(in, version, message + " flags");
        int unknown = flags & ~QueryFlags.mask(version);
        if (unknown != 0) {
            throw ProtocolException.at(in, String.format("unknown %s flags 0x%X for protocol %s", message, unknown, version));
        }
        List<ByteBuffer> values = List.of();
        List<String> names = List.of();
        if ((flags & VALUES) != 0) {
            boolean named = (flags & NAMES_FOR_VALUES) != 0;
            int n = Primitives.readUnsignedShort(in, message + " value count");
            // a value takes at least its 4-byte length, a name at least 2: check before allocating
            Primitives.require(in, n * (named ? 6 : 4), message + " values");
            List<ByteBuffer> valueList = new ArrayList<>(n);
            List<String> nameList = named ? new ArrayList<>(n) : null;
            String nameWhat = message + " value name";
            String valueWhat = message + " value";
            for (int i = 0; i < n; i++) {
                if (named) {
                    nameList.add(Primitives.readString(in, nameWhat));
                }
                valueList.add(Primitives.readValue(in, valueWhat));
            }
            values = Collections.unmodifiableList(valueList);
            names = named ? Collections.unmodifiableList(nameList) : List.of();
        }
        int pageSize = QueryOptions.NO_PAGE_SIZE;
        if ((flags & PAGE_SIZE) != 0) {
            pageSize = Primitives.readInt(in, message + " page size");
            if (pageSize <= 0) {
                throw ProtocolException.at(in, message + " page size must be positive, got " + pageSize);
            }
        }
        // a null paging state (negative length) means none, as the server reads it
        ByteBuffer pagingState = (flags & PAGING_STATE) != 0 ? Primitives.readBytes(in, message + " paging state") : null;
        ConsistencyLevel serial = null;
        if ((flags & SERIAL_CONSISTENCY) != 0) {
            serial = readSerialConsistency(in, message);
        }
        long timestamp = QueryOptions.NO_DEFAULT_TIMESTAMP;
        if ((flags & DEFAULT_TIMESTAMP) != 0) {
            timestamp = readDefaultTimestamp(in, message);
        }
        String keyspace = (flags & KEYSPACE) != 0 ? readKeyspace(in, message) : null;
        int now = QueryOptions.NO_NOW_IN_SECONDS;
        if ((flags & NOW_IN_SECONDS) != 0) {
            now = readNowInSeconds(in, message);
        }
        try {
            return new QueryOptions(consistency, values, names, (flags & SKIP_METADATA) != 0, pageSize, pagingState,
                    serial, timestamp, keyspace, now);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RequestWire.invalid(in, message + " parameters", e);
        }
    }

    // ---------------------------------------------------------------- shared with BATCH

    static ConsistencyLevel readSerialConsistency(ByteBuf in, String message) {
        ConsistencyLevel serial = RequestWire.readConsistency(in, message + " serial consistency");
        if (!serial.isSerial()) {
            throw ProtocolException.at(in, message + " serial consistency must be SERIAL or LOCAL_SERIAL, got " + serial);
        }
        return serial;
    }

    static long readDefaultTimestamp(ByteBuf in, String message) {
        long timestamp = Primitives.readLong(in, message + " default timestamp");
        if (timestamp < 0) {
            throw ProtocolException.at(in, message + " default timestamp must not be negative, got " + timestamp);
        }
        return timestamp;
    }

    static String readKeyspace(ByteBuf in, String message) {
        String keyspace = Primitives.readString(in, message + " keyspace");
        if (keyspace.isEmpty()) {
            throw ProtocolException.at(in, message + " keyspace flag set with an empty keyspace");
        }
        return keyspace;
    }

    static int readNowInSeconds(ByteBuf in, String message) {
        int now = Primitives.readInt(in, message + " now_in_seconds");
        if (now == QueryOptions.NO_NOW_IN_SECONDS) {
            throw ProtocolException.at(in, message + " now_in_seconds " + now + " is out of range");
        }
        return now;
    }
}
