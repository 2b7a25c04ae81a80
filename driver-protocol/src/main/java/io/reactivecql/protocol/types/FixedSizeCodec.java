package io.reactivecql.protocol.types;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;

/**
 * Base of the codecs whose values always take the same number of bytes. An empty value decodes to
 * {@code null} (the Java driver 4.x convention); any other size than the fixed one is malformed.
 */
abstract class FixedSizeCodec<T> implements TypeCodec<T> {

    private final DataType cqlType;
    private final Class<T> javaType;
    final int size;

    FixedSizeCodec(DataType cqlType, Class<T> javaType, int size) {
        this.cqlType = cqlType;
        this.javaType = javaType;
        this.size = size;
    }

    @Override
    public DataType cqlType() {
        return cqlType;
    }

    @Override
    public Class<?> javaType() {
        return javaType;
    }

    @Override
    public int encodedSize(T value) {
        return size;
    }

    /**
     * The general path, or {@link #encodeDirect}'s buffer where the codec has one: the value's
     * bytes without the netty wrapper (and its reference count) the general path encodes through.
     */
    @Override
    public ByteBuffer encode(T value) {
        if (value == null) {
            return null;
        }
        ByteBuffer direct;
        try {
            direct = encodeDirect(value);
        } catch (RuntimeException e) {
            throw Wire.encodeFailure(this, value, e);
        }
        return direct != null ? direct : TypeCodec.super.encode(value);
    }

    /** {@code value} (not null) in a new heap buffer of {@link #size} bytes, or null to take the general path. */
    ByteBuffer encodeDirect(T value) {
        return null;
    }

    @Override
    public void encodeValue(T value, ByteBuf out) {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        int start = out.writerIndex();
        try {
            out.writeInt(size);
            encodeBody(value, out);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw Wire.encodeFailure(this, value, e);
        }
    }

    @Override
    public T decode(byte[] array, int offset, int length) {
        if (Wire.isNull(array, offset, length, cqlType) || length == 0) {
            return null;
        }
        Wire.requireSize(length, size, cqlType);
        return read(array, offset);
    }

    /** Reads a value of exactly {@link #size} bytes at {@code offset} (already bounds-checked). */
    abstract T read(byte[] array, int offset);

    /**
     * For the primitive paths: whether the slice holds a value (false for NULL and empty), after
     * checking its bounds and size.
     */
    final boolean present(byte[] array, int offset, int length) {
        if (Wire.isNull(array, offset, length, cqlType) || length == 0) {
            return false;
        }
        Wire.requireSize(length, size, cqlType);
        return true;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + cqlType.asCql() + ")";
    }
}
