package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.reactivecql.protocol.Primitives;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Converts values of one CQL type between their serialized form (section 5 of the native protocol
 * spec) and one Java type. Codecs are immutable and thread-safe.
 *
 * <p>An implementation provides {@link #cqlType()}, {@link #javaType()}, {@link #encodedSize},
 * {@link #encodeBody} and {@link #decode(byte[], int, int)}; the other methods derive from those
 * (built-in codecs override some for speed).
 *
 * <h2>NULL and empty values</h2>
 * Encoding {@code null} gives CQL NULL: a null {@code ByteBuffer}, or length -1 on the wire.
 * Decoding NULL gives {@code null}. Decoding an empty (0-byte) value follows the Java driver 4.x:
 * {@code null} for fixed-size and numeric types, {@code ""} for text, an empty buffer for blobs,
 * an empty collection for collections.
 *
 * <h2>Errors</h2>
 * Malformed bytes on decode throw {@link io.reactivecql.protocol.ProtocolException}; a value that
 * cannot be encoded throws {@link InvalidValueException}. Neither ever surfaces as an
 * {@code IndexOutOfBoundsException}, a {@code ClassCastException} or an out-of-memory error.
 *
 * @param <T> the Java type of decoded values
 */
public interface TypeCodec<T> {

    /** The CQL type this codec serializes. */
    DataType cqlType();

    /**
     * The Java class of decoded values, e.g. {@code Integer.class} or {@code List.class}; the
     * element types of composite values are those of {@link #componentCodecs()}.
     */
    Class<?> javaType();

    /**
     * The codecs of the parts of a composite type, in type order: a list's or set's element, a
     * map's key then value, a tuple's components, a UDT's fields, a vector's element. Empty for
     * other types.
     */
    default List<TypeCodec<?>> componentCodecs() {
        return List.of();
    }

    /** Whether {@code value} is of a class this codec can encode ({@code null} is accepted). */
    default boolean accepts(Object value) {
        return value == null || javaType().isInstance(value);
    }

    /** The number of bytes {@link #encodeBody} writes for {@code value} (not null). */
    int encodedSize(T value);

    /**
     * Writes the serialized form of {@code value} (not null) without any length prefix. The
     * building block of the other encode methods and of composite codecs.
     */
    void encodeBody(T value, ByteBuf out);

    /**
     * Writes {@code value} as a [bytes]: an [int] length then the serialized form; {@code null} is
     * written as length -1. The hot path for binding values: no intermediate buffer. On failure the
     * writer index is restored, so {@code out} holds nothing of the value.
     */
    default void encodeValue(T value, ByteBuf out) {
        if (value == null) {
            out.writeInt(Primitives.NULL_VALUE);
            return;
        }
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        try {
            encodeBody(value, out);
        } catch (RuntimeException e) {
            out.writerIndex(lengthIndex);
            throw Wire.encodeFailure(this, value, e);
        }
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }

    /**
     * Like {@link #encodeValue} for a value whose class is only known at run time (binding a
     * statement's values): a value this codec does not {@link #accepts accept} throws
     * {@link InvalidValueException}.
     */
    @SuppressWarnings("unchecked")
    default void encodeObject(Object value, ByteBuf out) {
        if (!accepts(value)) {
            throw new InvalidValueException("cannot encode " + Wire.describe(value) + " as " + cqlType().asCql()
                    + " (expects " + javaType().getName() + ")");
        }
        encodeValue((T) value, out);
    }

    /**
     * The serialized form of {@code value} in a new heap buffer (position 0, limit its size), or
     * {@code null} for {@code null}.
     */
    default ByteBuffer encode(T value) {
        if (value == null) {
            return null;
        }
        int size = 0;
        byte[] bytes;
        ByteBuf out;
        try {
            size = encodedSize(value);
            if (size == 0) {
                // netty's empty wrapper refuses even empty writes
                return ByteBuffer.allocate(0);
            }
            bytes = new byte[size];
            // an unpooled wrapper: nothing to release, and its capacity is exactly the size
            out = Unpooled.wrappedBuffer(bytes).clear();
            encodeBody(value, out);
        } catch (IndexOutOfBoundsException e) {
            // the buffer is exactly encodedSize() bytes: only a codec bug can overrun it
            throw new IllegalStateException(getClass().getName() + " wrote more than the " + size
                    + " bytes it announced", e);
        } catch (RuntimeException e) {
            throw Wire.encodeFailure(this, value, e);
        }
        if (out.writerIndex() != size) {
            throw new IllegalStateException(getClass().getName() + " announced " + size + " bytes but wrote "
                    + out.writerIndex());
        }
        return ByteBuffer.wrap(bytes);
    }

    /**
     * Decodes the value in {@code array[offset, offset + length)}; {@code length} -1 is NULL. Reads
     * the array in place (zero copy): a rows page copied once into a heap array can be decoded
     * value by value without further copies. The result never shares the array.
     */
    T decode(byte[] array, int offset, int length);

    /**
     * Decodes the remaining bytes of {@code bytes} ({@code null} is NULL) without moving its
     * position.
     */
    default T decode(ByteBuffer bytes) {
        if (bytes == null) {
            return decode(Wire.EMPTY, 0, -1);
        }
        if (bytes.hasArray()) {
            return decode(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return decode(copy, 0, copy.length);
    }

    /**
     * Decodes {@code length} bytes of {@code buf} from absolute {@code index} ({@code length} -1 is
     * NULL) without moving its indexes: in place when the buffer has a backing array, from a copy
     * of the value's bytes otherwise.
     */
    default T decode(ByteBuf buf, int index, int length) {
        if (length < 0) {
            return decode(Wire.EMPTY, 0, length);
        }
        if (index < 0 || (long) index + length > buf.writerIndex()) {
            throw Wire.malformed(cqlType(), length + " bytes from index " + index + " exceed the buffer's "
                    + buf.writerIndex());
        }
        if (buf.hasArray()) {
            return decode(buf.array(), buf.arrayOffset() + index, length);
        }
        return decode(ByteBufUtil.getBytes(buf, index, length), 0, length);
    }
}
