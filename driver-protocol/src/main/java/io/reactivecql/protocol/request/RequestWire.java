package io.reactivecql.protocol.request;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import io.reactivecql.protocol.ConsistencyLevel;
import io.reactivecql.protocol.Primitives;
import io.reactivecql.protocol.ProtocolException;
import io.reactivecql.protocol.ProtocolVersion;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * What the request codecs need beyond {@link Primitives}: {@code ByteBuffer} writes that allocate
 * nothing for heap buffers, version-sized flags, position-naming consistency reads, and the
 * value-list rules every request with bound values shares.
 */
final class RequestWire {

    static final int MAX_SHORT = 0xFFFF;

    private RequestWire() {
    }

    // ---------------------------------------------------------------- writes

    /** Writes the remaining bytes of {@code bytes} without moving its position. */
    /** Buffers without an accessible array up to this size are copied without a view. */
    private static final int SMALL_RAW = 64;
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[SMALL_RAW];
        }
    };

    static void writeRaw(ByteBuffer bytes, ByteBuf out) {
        if (bytes.hasArray()) {
            out.writeBytes(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        } else if (bytes.remaining() <= SMALL_RAW) {
            // read-only ids (16 bytes) on every EXECUTE: through a per-thread scratch array rather
            // than a view per call (or a checked writeByte per byte)
            byte[] scratch = SCRATCH.get();
            int length = bytes.remaining();
            bytes.get(bytes.position(), scratch, 0, length);
            out.writeBytes(scratch, 0, length);
        } else {
            // direct or read-only: netty would move the position, so give it a view
            out.writeBytes(bytes.duplicate());
        }
    }

    /** A [value]: null as -1, {@link Primitives#UNSET} as -2. */
    static void writeValue(ByteBuffer value, ByteBuf out) {
        if (value == Primitives.UNSET) {
            out.writeInt(Primitives.UNSET_VALUE);
        } else {
            writeBytes(value, out);
        }
    }

    /** A [bytes]: null as -1. */
    static void writeBytes(ByteBuffer bytes, ByteBuf out) {
        if (bytes == null) {
            out.writeInt(Primitives.NULL_VALUE);
        } else {
            out.writeInt(bytes.remaining());
            writeRaw(bytes, out);
        }
    }

    /** A [short bytes]; the length was checked when the message was built. */
    static void writeShortBytes(ByteBuffer bytes, ByteBuf out) {
        out.writeShort(bytes.remaining());
        writeRaw(bytes, out);
    }

    /** Flags as a [byte] (v4) or an [int] (v5). */
    static void writeFlags(int flags, ByteBuf out, ProtocolVersion version) {
        if (version == ProtocolVersion.V4) {
            out.writeByte(flags);
        } else {
            out.writeInt(flags);
        }
    }

    /** Throws {@link IllegalArgumentException} "{@code what} needs protocol v5" on v4. */
    static void requireV5(ProtocolVersion version, String what) {
        if (version == ProtocolVersion.V4) {
            throw new IllegalArgumentException(what + " needs protocol v5");
        }
    }

    // ---------------------------------------------------------------- reads

    static int readFlags(ByteBuf in, ProtocolVersion version, String what) {
        return version == ProtocolVersion.V4 ? Primitives.readByte(in, what) : Primitives.readInt(in, what);
    }

    static ByteBuffer readShortBytes(ByteBuf in, String what) {
        return ByteBuffer.wrap(Primitives.readShortBytes(in, what));
    }

    /** A [consistency]; an unknown code is a {@link ProtocolException} naming {@code what} and the position. */
    static ConsistencyLevel readConsistency(ByteBuf in, String what) {
        int code = Primitives.readUnsignedShort(in, what);
        if (code > ConsistencyLevel.LOCAL_ONE.code()) {
            in.readerIndex(in.readerIndex() - 2);
            throw ProtocolException.at(in, String.format("unknown %s code 0x%04X", what, code));
        }
        return ConsistencyLevel.fromCode(code);
    }

    /** A decoded message failed its own constructor's checks: report it as malformed input. */
    static ProtocolException invalid(ByteBuf in, String what, RuntimeException e) {
        return ProtocolException.at(in, "invalid " + what + ": " + e.getMessage());
    }

    // ---------------------------------------------------------------- value lists

    /**
     * An unmodifiable copy of a value list (null elements allowed: they are CQL NULLs), refused
     * past the 65535 values a [short] count can announce.
     */
    static List<ByteBuffer> copyValues(List<ByteBuffer> values, String what) {
        if (values == null) {
            throw new NullPointerException(what);
        }
        if (values.size() > MAX_SHORT) {
            throw new IllegalArgumentException(what + " has " + values.size() + " values, more than the 65535 allowed");
        }
        if (values.isEmpty()) {
            return List.of();
        }
        if (values instanceof ValueList copied) {
            return copied; // immutable already: the options of the next page share it
        }
        return new ValueList(values.toArray(new ByteBuffer[0]));
    }

    /** An immutable value list over its own array: one copy, where an unmodifiable ArrayList costs two. */
    private static final class ValueList extends AbstractList<ByteBuffer> implements RandomAccess {
        private final ByteBuffer[] values;

        ValueList(ByteBuffer[] values) {
            this.values = values;
        }

        @Override
        public ByteBuffer get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /** Refuses a buffer longer than a [short bytes] can hold. */
    static ByteBuffer checkShortBytes(ByteBuffer bytes, String what) {
        if (bytes == null) {
            throw new NullPointerException(what);
        }
        if (bytes.remaining() > MAX_SHORT) {
            throw new IllegalArgumentException(what + " of " + bytes.remaining() + " bytes exceeds the [short bytes] limit of 65535");
        }
        return bytes;
    }

    /**
     * Content equality that still tells {@link Primitives#UNSET} from an empty value (ByteBuffer's
     * own equals calls them equal).
     */
    static boolean valuesEqual(List<ByteBuffer> a, List<ByteBuffer> b) {
        int n = a.size();
        if (n != b.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            ByteBuffer x = a.get(i);
            ByteBuffer y = b.get(i);
            if ((x == Primitives.UNSET) != (y == Primitives.UNSET) || (x == null ? y != null : !x.equals(y))) {
                return false;
            }
        }
        return true;
    }

    /** A hash consistent with {@link #valuesEqual}. */
    static int valuesHash(List<ByteBuffer> values) {
        int h = 1;
        for (int i = 0, n = values.size(); i < n; i++) {
            ByteBuffer v = values.get(i);
            h = 31 * h + (v == Primitives.UNSET ? -2 : v == null ? -1 : v.hashCode());
        }
        return h;
    }
}
